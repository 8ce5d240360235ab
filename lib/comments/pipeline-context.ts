import "server-only";
import { db } from "@/lib/db/client";
import type { Viewer } from "@/lib/auth/viewer";
import type { CommentContext } from "@/lib/moderation/pipeline";
import { consume, LIMITS } from "@/lib/rate-limit/limits";
import { AppError } from "@/lib/errors";

/** The same text again within this window is refused as a duplicate. */
const DUPLICATE_WINDOW_MS = 5 * 60_000;

/** Counts the comment against the flood limit, and returns the wait if over it. */
async function floodWait(userId: string, slowModeSeconds: number): Promise<number> {
  try {
    await consume([{ rule: LIMITS.commentsPerUser, key: userId }]);
    if (slowModeSeconds > 0) await consume([{ rule: { name: `slow-${slowModeSeconds}s`, points: 1, durationSeconds: slowModeSeconds, what: "comments in this slow-mode discussion" }, key: userId }]);
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.code === "RATE_LIMITED") return error.retryAfterSeconds ?? 1;
    throw error;
  }
}

/** Gathers what the moderation pipeline judges a comment by. */
export async function gatherCommentContext(
  viewer: Viewer,
  essay: { commentsOpen: boolean; preModeration: CommentContext["essay"]["preModeration"]; preModerationThreshold: number; slowModeSeconds: number },
  thread: { lockedAt: Date | null; slowModeSeconds: number } | null,
  body: string,
  isEdit: boolean,
): Promise<CommentContext> {
  const now = new Date();
  const [settings, publishedComments, duplicate] = await Promise.all([
    db.moderationSettings.findUnique({ where: { id: 1 } }),
    // Only pre-moderation of new accounts needs the author's record.
    essay.preModeration === "NEW_ACCOUNTS" ? db.comment.count({ where: { authorId: viewer.id, status: "PUBLISHED", deletedAt: null } }) : Infinity,
    isEdit ? null : db.comment.findFirst({ where: { authorId: viewer.id, body, createdAt: { gte: new Date(now.getTime() - DUPLICATE_WINDOW_MS) } }, select: { id: true } }),
  ]);
  return {
    body,
    isEdit,
    now,
    author: { createdAt: viewer.createdAt, publishedComments },
    essay,
    thread: thread ? { locked: thread.lockedAt !== null } : null,
    settings: { bannedWords: settings?.bannedWords ?? [], suspectWords: settings?.suspectWords ?? [], linkMinAccountAgeHours: settings?.linkMinAccountAgeHours ?? 24 },
    duplicateOfRecent: duplicate !== null,
    floodWaitSeconds: isEdit ? 0 : await floodWait(viewer.id, Math.max(essay.slowModeSeconds, thread?.slowModeSeconds ?? 0)),
  };
}
