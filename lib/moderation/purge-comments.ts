import "server-only";
import { assertRole, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { announceDiscussionEvent, isPublicChange, recordDiscussionEvent, type RecordedEvent } from "@/lib/live/publish";
import { recordModerationAction } from "./audit";
import { notifyAuthor, resolveReports } from "./notify";
import { MODERATION_PERMISSIONS } from "./actions";

/**
 * Deletes comments permanently (admins only): the text and its edit history
 * are erased. A comment with replies stays as an empty tombstone so the
 * thread keeps its shape; one without replies is removed outright. The audit
 * log keeps what was removed, as the record of the action.
 */
export async function purgeComments(actor: Viewer | null, commentIds: readonly number[], reason: string): Promise<{ changed: number }> {
  assertRole(actor, MODERATION_PERMISSIONS.purge);
  const events = await db.$transaction(async (tx) => {
    const comments = await tx.comment.findMany({ where: { id: { in: [...commentIds] } }, select: { id: true, essayId: true, authorId: true, body: true, status: true, path: true, rootId: true } });
    if (comments.length !== new Set(commentIds).size) throw new AppError("NOT_FOUND", "One of those comments no longer exists.");
    const recorded: RecordedEvent[] = [];
    let purged = 0;
    for (const comment of comments) {
      const link = { essayId: comment.essayId, commentId: comment.id };
      await resolveReports(tx, { commentId: comment.id }, "ACTIONED", actor.id, link);
      const replies = await tx.comment.count({ where: { parentId: comment.id } });
      await tx.commentRevision.deleteMany({ where: { commentId: comment.id } });
      if (replies > 0) {
        await tx.comment.update({ where: { id: comment.id }, data: { body: "", bodyHtml: "", status: "HIDDEN", hiddenReason: reason, hiddenByReports: false, deletedAt: new Date() } });
      } else {
        await tx.comment.delete({ where: { id: comment.id } });
      }
      await recordModerationAction(tx, actor, {
        action: "purge",
        targetType: "comment",
        targetId: String(comment.id),
        reason,
        before: { status: comment.status, body: comment.body },
        after: { removed: replies === 0, tombstone: replies > 0 },
      });
      await notifyAuthor(tx, comment.authorId, `An admin deleted your comment permanently. Reason: ${reason}`, { essayId: comment.essayId });
      purged += 1;
      if (isPublicChange(comment.status, comment.status)) recorded.push(await recordDiscussionEvent(tx, comment.essayId, "moderation", comment.id));
    }
    return { recorded, purged };
  });
  for (const event of events.recorded) await announceDiscussionEvent(event);
  return { changed: events.purged };
}
