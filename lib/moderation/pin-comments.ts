import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { actOnComments } from "./act-on-comments";

/** Pins comments to the top of their thread (or of the discussion, for a thread's first comment), or unpins them. */
export function pinComments(actor: Viewer | null, commentIds: readonly number[], pinned: boolean, reason: string | null = null) {
  return actOnComments(actor, pinned ? "pin" : "unpin", commentIds, reason, (comment) =>
    (comment.pinnedAt !== null) === pinned ? { data: null } : { data: { pinnedAt: pinned ? new Date() : null } },
  );
}
