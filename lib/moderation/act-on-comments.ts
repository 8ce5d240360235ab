import "server-only";
import { assertRole, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { announceDiscussionEvent, isPublicChange, recordDiscussionEvent, type RecordedEvent } from "@/lib/live/publish";
import { recordModerationAction } from "./audit";
import { notifyAuthor, resolveReports } from "./notify";
import { MODERATION_PERMISSIONS, type ModerationActionName } from "./actions";

/** The fields of a comment that moderation reads and records. */
export const moderatedCommentSelect = {
  id: true,
  essayId: true,
  authorId: true,
  rootId: true,
  status: true,
  hiddenReason: true,
  hiddenByReports: true,
  deletedAt: true,
  pinnedAt: true,
  lockedAt: true,
  slowModeSeconds: true,
} satisfies Prisma.CommentSelect;

export type ModeratedComment = Prisma.CommentGetPayload<{ select: typeof moderatedCommentSelect }>;

/** What one action does to one comment. */
export interface CommentChange {
  /** The update, or null when the comment is already as asked (recorded, nothing written). */
  data: Prisma.CommentUpdateInput | null;
  /** Told to the author, if anything. */
  authorMessage?: string;
  /** How the comment's open reports end, if the action settles them. */
  reports?: "ACTIONED" | "DISMISSED";
}

/** The state the audit log records before and after. */
function snapshot(comment: ModeratedComment) {
  return {
    status: comment.status,
    hiddenReason: comment.hiddenReason,
    pinned: comment.pinnedAt !== null,
    locked: comment.lockedAt !== null,
    slowModeSeconds: comment.slowModeSeconds,
    deleted: comment.deletedAt !== null,
  };
}

/**
 * The shared frame of every action on comments: check the actor's role, then
 * in one transaction apply `decide`'s change to each comment, record it in
 * the audit log with the state before and after, settle reports, notify the
 * author, and log a live event; announce the events once committed. Bulk
 * actions are the same call with more ids: all or nothing.
 */
export async function actOnComments(
  actor: Viewer | null,
  action: ModerationActionName,
  ids: readonly number[],
  reason: string | null,
  decide: (comment: ModeratedComment) => CommentChange,
): Promise<{ changed: number }> {
  assertRole(actor, MODERATION_PERMISSIONS[action]);
  const { events, changed } = await db.$transaction(async (tx) => {
    const comments = await tx.comment.findMany({ where: { id: { in: [...ids] } }, select: moderatedCommentSelect });
    if (comments.length !== new Set(ids).size) throw new AppError("NOT_FOUND", "One of those comments no longer exists.");
    const recorded: RecordedEvent[] = [];
    let count = 0;
    for (const comment of comments) {
      const change = decide(comment);
      const after = change.data ? await tx.comment.update({ where: { id: comment.id }, data: change.data, select: moderatedCommentSelect }) : comment;
      if (change.data) count += 1;
      await recordModerationAction(tx, actor, { action, targetType: "comment", targetId: String(comment.id), reason, before: snapshot(comment), after: snapshot(after) });
      const link = { essayId: comment.essayId, commentId: comment.id };
      if (change.reports) await resolveReports(tx, { commentId: comment.id }, change.reports, actor.id, link);
      if (change.authorMessage && comment.authorId !== actor.id) await notifyAuthor(tx, comment.authorId, change.authorMessage, link);
      if (change.data && isPublicChange(comment.status, after.status)) recorded.push(await recordDiscussionEvent(tx, comment.essayId, "moderation", comment.id));
    }
    return { events: recorded, changed: count };
  });
  for (const event of events) await announceDiscussionEvent(event);
  return { changed };
}
