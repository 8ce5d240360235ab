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
    data: comment.status === "HIDDEN" && comment.hiddenReason === reason ? null : { status: "HIDDEN", hiddenReason: reason },
    reports: "ACTIONED",
    authorMessage: `A moderator hid your comment. Reason: ${reason}`,
  }));
}
