import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { announceDiscussionEvent, recordDiscussionEvent } from "@/lib/live/publish";

/**
 * Turns the reader's upvote on a comment on or off (one per reader per
 * comment), keeping the comment's count in step in the same transaction.
 * Readers cannot vote for their own comments or for tombstones.
 */
export async function toggleVote(userId: string, commentId: number): Promise<{ voted: boolean; upvotes: number }> {
  const { event, ...result } = await db.$transaction(async (tx) => {
    const comment = await tx.comment.findUnique({ where: { id: commentId }, select: { essayId: true, authorId: true, status: true, deletedAt: true } });
    if (!comment || comment.status !== "PUBLISHED" || comment.deletedAt) throw new AppError("NOT_FOUND", "That comment does not exist.");
    if (comment.authorId === userId) throw new AppError("FORBIDDEN", "You cannot vote for your own comment.");
    const removed = await tx.vote.deleteMany({ where: { commentId, userId } });
    if (removed.count === 0) await tx.vote.create({ data: { commentId, userId } });
    const voted = removed.count === 0;
    const updated = await tx.comment.update({ where: { id: commentId }, data: { upvotes: { increment: voted ? 1 : -1 } }, select: { upvotes: true } });
    return { voted, upvotes: updated.upvotes, event: await recordDiscussionEvent(tx, comment.essayId, "vote", commentId) };
  });
  await announceDiscussionEvent(event);
  return result;
}
