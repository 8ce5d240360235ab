import * as z from "zod/mini";
import { defineOperation, returns } from "@/lib/http/contract";
import { serialIdText, textId } from "@/lib/validation";
import { commentBodySchema, createCommentSchema, discussionQuerySchema, editCommentSchema } from "./schemas";
import type { CommentView, DiscussionOverview, DiscussionPage } from "./view";

const essayParams = z.object({ essayId: textId("That essay does not exist.") });
const commentParams = z.object({ commentId: serialIdText("That comment does not exist.") });

/** What the discussion under an essay opens with: the general discussion's first page (Top) and how many threads hang on passages. */
export const getDiscussion = defineOperation({
  name: "get discussion",
  method: "GET",
  path: "/api/essays/:essayId/discussion",
  guard: "public",
  params: essayParams,
  response: returns<DiscussionOverview>(),
});

/** A page of the essay's discussion: general (default), one passage's (?highlightId=) or all passages' (?highlightId=*). */
export const listComments = defineOperation({
  name: "list comments",
  method: "GET",
  path: "/api/essays/:essayId/comments",
  guard: "public",
  params: essayParams,
  query: discussionQuerySchema,
  response: returns<DiscussionPage>(),
});

/** A comment on the essay, a reply, or a comment on a highlight or a newly selected passage. */
export const createComment = defineOperation({
  name: "create comment",
  method: "POST",
  path: "/api/essays/:essayId/comments",
  guard: "writer",
  params: essayParams,
  body: createCommentSchema,
  status: 201,
  response: returns<{ comment: CommentView }>(),
});

/** One comment as this reader may see it (the live stream fetches through here). */
export const getComment = defineOperation({
  name: "get comment",
  method: "GET",
  path: "/api/comments/:commentId",
  guard: "public",
  params: commentParams,
  response: returns<{ comment: CommentView }>(),
});

/** The author edits their comment (the old text goes to its history). */
export const editComment = defineOperation({
  name: "edit comment",
  method: "PATCH",
  path: "/api/comments/:commentId",
  guard: "writer",
  params: commentParams,
  body: editCommentSchema,
  response: returns<{ comment: CommentView }>(),
});

/** The author deletes their comment (a tombstone stays where it has replies). */
export const deleteComment = defineOperation({
  name: "delete comment",
  method: "DELETE",
  path: "/api/comments/:commentId",
  guard: "writer",
  params: commentParams,
  status: 204,
  response: returns<void>(),
});

/** Toggles the reader's upvote. */
export const voteComment = defineOperation({
  name: "vote comment",
  method: "POST",
  path: "/api/comments/:commentId/vote",
  guard: "writer",
  params: commentParams,
  response: returns<{ voted: boolean; upvotes: number }>(),
});

/** A whole thread, depth-first, in one query (or the subtree under ?from=). */
export const getThread = defineOperation({
  name: "get thread",
  method: "GET",
  path: "/api/threads/:rootId",
  guard: "public",
  params: z.object({ rootId: serialIdText("That thread does not exist.") }),
  query: z.object({ from: z.optional(serialIdText("That comment does not exist.")) }),
  response: returns<{ comments: CommentView[] }>(),
});

/** The composer's live preview, rendered by the same parser and sanitiser as a saved comment. */
export const previewMarkdown = defineOperation({
  name: "preview markdown",
  method: "POST",
  path: "/api/markdown",
  guard: "writer",
  body: z.object({ body: commentBodySchema }),
  response: returns<{ html: string }>(),
});
