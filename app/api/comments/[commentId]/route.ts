import { z } from "zod";
import { getViewer, requireUser } from "@/lib/auth/viewer";
import { deleteComment } from "@/lib/comments/delete-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { loadComment } from "@/lib/comments/queries";
import { editCommentSchema } from "@/lib/comments/schemas";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

type Params = { commentId: string };

const commentId = (params: Params) => {
  const parsed = z.coerce.number().int().positive().safeParse(params.commentId);
  if (!parsed.success) throw new AppError("NOT_FOUND", "That comment does not exist.");
  return parsed.data;
};

/** One comment as this reader may see it (the live stream fetches through here). */
export const GET = route<Params, unknown>({}, async ({ params }) => {
  const viewer = await getViewer();
  const comment = await loadComment(commentId(params), viewer?.id ?? null);
  if (!comment) throw new AppError("NOT_FOUND", "That comment does not exist.");
  return { comment };
});

export const PATCH = route({ schema: editCommentSchema }, async ({ params, body }: { params: Params; body: { body: string } }) => {
  const viewer = await requireUser();
  return { comment: await editComment(viewer, commentId(params), body.body) };
});

export const DELETE = route<Params, void>({}, async ({ params }) => {
  const viewer = await requireUser();
  await deleteComment(viewer.id, commentId(params));
});
