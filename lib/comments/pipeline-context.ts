import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { queryRows } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CommentContext } from "@/lib/moderation/pipeline";
import { consume, LIMITS } from "@/lib/rate-limit/limits";

/** The same text again within this window is refused as a duplicate. */
const DUPLICATE_WINDOW_MINUTES = 5;

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

interface JudgingFacts {
  bannedWords: string[] | null;
  suspectWords: string[] | null;
  linkMinAccountAgeHours: number | null;
  publishedComments: number | null;
  duplicate: boolean;
}

/**
 * Gathers what the moderation pipeline judges a comment by: the site's word
 * lists, the author's record (only pre-moderation of new accounts needs it)
 * and whether they wrote the same text moments ago, in one query; then the
 * flood limit.
 */
export async function gatherCommentContext(
  viewer: Viewer,
  essay: { commentsOpen: boolean; preModeration: CommentContext["essay"]["preModeration"]; preModerationThreshold: number; slowModeSeconds: number },
  thread: { lockedAt: Date | null; slowModeSeconds: number } | null,
  body: string,
  isEdit: boolean,
): Promise<CommentContext> {
  const [facts] = await queryRows<JudgingFacts>(Prisma.sql`
    SELECT s."bannedWords", s."suspectWords", s."linkMinAccountAgeHours",
      ${essay.preModeration === "NEW_ACCOUNTS" ? Prisma.sql`(SELECT count(*)::int FROM "Comment" WHERE "authorId" = ${viewer.id} AND status = 'PUBLISHED' AND "deletedAt" IS NULL)` : Prisma.sql`NULL::int`} AS "publishedComments",
      ${isEdit ? Prisma.sql`false` : Prisma.sql`EXISTS (SELECT 1 FROM "Comment" WHERE "authorId" = ${viewer.id} AND body = ${body} AND "createdAt" >= (now() AT TIME ZONE 'UTC') - make_interval(mins => ${DUPLICATE_WINDOW_MINUTES}))`} AS duplicate
    FROM (SELECT 1) AS one LEFT JOIN "ModerationSettings" s ON s.id = 1`);
  return {
    body,
    isEdit,
    now: new Date(),
    author: { createdAt: viewer.createdAt, publishedComments: facts!.publishedComments ?? Infinity },
    essay,
    thread: thread ? { locked: thread.lockedAt !== null } : null,
    settings: { bannedWords: facts!.bannedWords ?? [], suspectWords: facts!.suspectWords ?? [], linkMinAccountAgeHours: facts!.linkMinAccountAgeHours ?? 24 },
    duplicateOfRecent: facts!.duplicate,
    floodWaitSeconds: isEdit ? 0 : await floodWait(viewer.id, Math.max(essay.slowModeSeconds, thread?.slowModeSeconds ?? 0)),
  };
}
