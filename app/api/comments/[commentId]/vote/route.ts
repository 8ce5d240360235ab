import { z } from "zod";
import { requireUser } from "@/lib/auth/viewer";
import { toggleVote } from "@/lib/comments/toggle-vote";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

/** Toggles the reader's upvote. */
export const POST = route<{ commentId: string }, unknown>({}, async ({ params }) => {
  const id = z.coerce.number().int().positive().safeParse(params.commentId);
  if (!id.success) throw new AppError("NOT_FOUND", "That comment does not exist.");
  const viewer = await requireUser();
  return toggleVote(viewer.id, id.data);
});
