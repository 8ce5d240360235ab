import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { insertHighlight } from "@/lib/highlights/create-highlight";
import { announceDiscussionEvent, recordDiscussionEvent } from "@/lib/live/publish";
import { markdownExcerpt, renderMarkdown } from "@/lib/markdown/render";
import { judgeComment } from "./judge";
import { childPath } from "./path";
import { gatherCommentContext } from "./pipeline-context";
import { loadComment } from "./queries";
import type { CreateCommentInput } from "./schemas";
import type { CommentView } from "./view";

/**
 * Writes a comment: on the essay as a whole, as a reply, on an existing
 * highlight, or on a newly selected passage (which becomes a public
 * highlight in the same transaction). The moderation pipeline decides
 * whether it is published or held, or refuses it. The Markdown is rendered
 * and sanitised once, here. The parent's author is notified of a published
 * reply, and the change is announced to live readers.
 */
export async function createComment(viewer: Viewer, essayId: string, input: CreateCommentInput): Promise<CommentView> {
  const essay = await db.essay.findUnique({
    where: { id: essayId },
    select: { id: true, commentsOpen: true, preModeration: true, preModerationThreshold: true, slowModeSeconds: true, highlightsOpen: true },
  });
  if (!essay) throw new AppError("NOT_FOUND", "That essay does not exist.");

  const parent = input.parentId
    ? await db.comment.findFirst({ where: { id: input.parentId, essayId }, select: { id: true, path: true, depth: true, rootId: true, highlightId: true, authorId: true, status: true, deletedAt: true } })
    : null;
  if (input.parentId && (!parent || (parent.status === "HELD" && parent.authorId !== viewer.id))) throw new AppError("NOT_FOUND", "The comment you are replying to does not exist.");
  if (parent?.deletedAt || parent?.status === "HIDDEN") throw new AppError("FORBIDDEN", "You cannot reply to a deleted or hidden comment.");
  if (input.highlightId) {
    const highlight = await db.highlight.findFirst({ where: { id: input.highlightId, essayId, deletedAt: null, OR: [{ visibility: "PUBLIC" }, { authorId: viewer.id }] }, select: { id: true } });
    if (!highlight) throw new AppError("NOT_FOUND", "That highlight does not exist.");
  }
  const root = parent ? await db.comment.findUnique({ where: { id: parent.rootId ?? parent.id }, select: { lockedAt: true, slowModeSeconds: true } }) : null;

  const context = await gatherCommentContext(viewer, essay, root, input.body, false);
  const { status, holdReasons } = judgeComment(context);
  const bodyHtml = renderMarkdown(input.body);

  const { id, event } = await db.$transaction(async (tx) => {
    const highlightId = input.passage ? (await insertHighlight(tx, viewer.id, essay, { ...input.passage, note: null, visibility: "public" })).id : (parent?.highlightId ?? input.highlightId ?? null);
    const [{ nextval }] = await tx.$queryRaw<[{ nextval: bigint }]>`SELECT nextval(pg_get_serial_sequence('"Comment"', 'id'))`;
    const commentId = Number(nextval);
    await tx.comment.create({
      data: {
        id: commentId,
        essayId,
        highlightId,
        parentId: parent?.id ?? null,
        rootId: parent ? (parent.rootId ?? parent.id) : commentId,
        depth: parent ? parent.depth + 1 : 0,
        path: childPath(parent?.path ?? null, commentId),
        authorId: viewer.id,
        body: input.body,
        bodyHtml,
        status,
        holdReasons,
      },
    });
    if (status !== "PUBLISHED") return { id: commentId, event: null };
    if (parent?.authorId && parent.authorId !== viewer.id) {
      await tx.notification.create({
        data: { userId: parent.authorId, kind: "REPLY", commentId, essayId, message: `${viewer.name} (@${viewer.handle}) replied: ${markdownExcerpt(input.body)}` },
      });
    }
    return { id: commentId, event: await recordDiscussionEvent(tx, essayId, "comment", commentId) };
  });
  await announceDiscussionEvent(event);
  return (await loadComment(id, viewer.id))!;
}
