import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { actOnComments } from "./act-on-comments";

/** Restores hidden comments: published again, the tombstone gone. */
export function restoreComments(actor: Viewer | null, commentIds: readonly number[], reason: string | null = null) {
  return actOnComments(actor, "restore", commentIds, reason, (comment) =>
    comment.status !== "HIDDEN" ? { data: null } : { data: { status: "PUBLISHED", hiddenReason: null, hiddenByReports: false }, authorMessage: "A moderator restored your comment." },
  );
}
