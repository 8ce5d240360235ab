import { assertCommentEssayPublished } from "@/lib/essays/unpublished-essays";
import * as contracts from "@/lib/comments/contracts";
import { deleteComment } from "@/lib/comments/delete-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { loadComment } from "@/lib/comments/queries";
import { AppError } from "@/lib/errors";
import { handle } from "@/lib/http/operation";

export const GET = handle(contracts.getComment, async ({ params, viewer }) => {
  await assertCommentEssayPublished(params.commentId);
  const comment = await loadComment(params.commentId, viewer?.id ?? null);
  if (!comment) throw new AppError("NOT_FOUND", "That comment does not exist.");
  return { comment };
});

export const PATCH = handle(contracts.editComment, async ({ params, viewer, body }) => ({ comment: await editComment(viewer, params.commentId, body.body) }));

export const DELETE = handle(contracts.deleteComment, async ({ params, viewer }) => {
  await deleteComment(viewer.id, params.commentId);
});
