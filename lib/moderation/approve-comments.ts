import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { actOnComments } from "./act-on-comments";

/**
 * Approves comments: held ones are published, ones hidden by reports come
 * back, and open reports on them are dismissed (reporters are told).
 */
export function approveComments(actor: Viewer | null, commentIds: readonly number[], reason: string | null = null) {
  return actOnComments(actor, "approve", commentIds, reason, (comment) =>
    comment.status === "PUBLISHED"
      ? { data: null, reports: "DISMISSED" }
      : {
          data: { status: "PUBLISHED", hiddenReason: null, hiddenByReports: false, holdReasons: [] },
          reports: "DISMISSED",
          authorMessage: comment.status === "HELD" ? "A moderator approved your comment: everyone can see it now." : "A moderator reviewed your comment and restored it.",
        },
  );
}
