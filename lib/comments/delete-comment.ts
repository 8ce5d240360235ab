import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { announceDiscussionEvent, isPublicChange, recordDiscussionEvent } from "@/lib/live/publish";

/**
 * Deletes one of the author's own comments. The row stays as a "[deleted]"
 * tombstone, text erased, so its replies keep their place in the thread.
 */
export async function deleteComment(authorId: string, commentId: number): Promise<void> {
  const event = await db.$transaction(async (tx) => {
    const comment = await tx.comment.findFirst({ where: { id: commentId, authorId, deletedAt: null }, select: { essayId: true, status: true } });
    if (!comment) throw new AppError("NOT_FOUND", "That comment does not exist or is not yours.");
    await tx.comment.update({ where: { id: commentId }, data: { deletedAt: new Date(), body: "", bodyHtml: "" } });
    // Deleting a held comment changes nothing anyone else could see: no event, so its id never reaches other streams.
    return isPublicChange(comment.status, comment.status) ? recordDiscussionEvent(tx, comment.essayId, "delete", commentId) : null;
  });
  await announceDiscussionEvent(event);
}
