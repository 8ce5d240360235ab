import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { actOnComments } from "./act-on-comments";

/**
 * Hides comments with a reason. Readers see a tombstone carrying the reason
 * where each was (its replies stay); the author is told why; reports on it
 * are marked actioned.
 */
export function hideComments(actor: Viewer | null, commentIds: readonly number[], reason: string) {
  return actOnComments(actor, "hide", commentIds, reason, (comment) => ({
    // Hidden by reports, it becomes the moderators' decision: the flag goes even if the reason is the same.
    data: comment.status === "HIDDEN" && comment.hiddenReason === reason && !comment.hiddenByReports ? null : { status: "HIDDEN", hiddenReason: reason, hiddenByReports: false },
    reports: "ACTIONED",
    authorMessage: `A moderator hid your comment. Reason: ${reason}`,
  }));
}
