import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CommentContext } from "@/lib/moderation/pipeline";
import { LIMITS, peek, type LimitRule } from "@/lib/rate-limit/limits";

/** The same text again within this window is refused as a duplicate. */
const DUPLICATE_WINDOW_MINUTES = 5;

/**
 * The limits a new comment counts against: one comment per 5 s per reader,
 * and the discussion's slow mode (the essay's or the thread's, whichever is
 * slower) when it has one.
 */
export function floodChecks(userId: string, slowModeSeconds: number): { rule: LimitRule; key: string }[] {
  return [
    { rule: LIMITS.commentsPerUser, key: userId },
    ...(slowModeSeconds > 0 ? [{ rule: { name: `slow-${slowModeSeconds}s`, points: 1, durationSeconds: slowModeSeconds, what: "comments in this slow-mode discussion" }, key: userId }] : []),
  ];
}

/** What the pipeline judges a comment by, as `judgingFactColumns` reads it. */
export interface JudgingFacts {
  bannedWords: string[] | null;
  suspectWords: string[] | null;
  linkMinAccountAgeHours: number | null;
  requireVerifiedEmail: boolean | null;
  publishedComments: number | null;
  duplicate: boolean;
}

/**
 * The columns of `JudgingFacts`, for a query that joins the essay as `e` and
 * the site's settings as `s` (`LEFT JOIN "ModerationSettings" s ON s.id = 1`):
 * the word lists, the author's record (counted only when the essay
 * pre-moderates new accounts) and whether they wrote `body` moments ago (not
 * asked for an edit, `body` null).
 */
export function judgingFactColumns(viewerId: string, body: string | null): Prisma.Sql {
  return Prisma.sql`s."bannedWords", s."suspectWords", s."linkMinAccountAgeHours", s."requireVerifiedEmail",
    CASE WHEN e."preModeration" = 'NEW_ACCOUNTS' THEN (SELECT count(*)::int FROM "Comment" WHERE "authorId" = ${viewerId} AND status = 'PUBLISHED' AND "deletedAt" IS NULL) END AS "publishedComments",
    ${body === null ? Prisma.sql`false` : Prisma.sql`EXISTS (SELECT 1 FROM "Comment" WHERE "authorId" = ${viewerId} AND body = ${body} AND "createdAt" >= (now() AT TIME ZONE 'UTC') - make_interval(mins => ${DUPLICATE_WINDOW_MINUTES}))`} AS duplicate`;
}

/** The judging facts for an edit of a comment on `essayId`, on their own. */
export async function loadEditFacts(viewer: Viewer, essayId: string): Promise<JudgingFacts> {
  const [facts] = await queryRows<JudgingFacts>(Prisma.sql`
    SELECT ${judgingFactColumns(viewer.id, null)} FROM "Essay" e LEFT JOIN "ModerationSettings" s ON s.id = 1 WHERE e.id = ${essayId}`);
  return facts!;
}

/**
 * Assembles what the moderation pipeline judges a comment by. The flood
 * limit is looked at, not spent: a comment the pipeline refuses must leave
 * no trace (a reader told to rephrase a banned word could otherwise not post
 * the rephrased comment for 5 s). The writer spends it after the verdict.
 */
export async function commentContext(
  viewer: Viewer,
  essay: { commentsOpen: boolean; preModeration: CommentContext["essay"]["preModeration"]; preModerationThreshold: number; slowModeSeconds: number },
  thread: { lockedAt: Date | null; slowModeSeconds: number } | null,
  body: string,
  isEdit: boolean,
  facts: JudgingFacts,
): Promise<CommentContext> {
  return {
    body,
    isEdit,
    now: new Date(),
    author: { createdAt: viewer.createdAt, publishedComments: facts.publishedComments ?? Infinity, emailVerified: viewer.emailVerified },
    essay,
    thread: thread ? { locked: thread.lockedAt !== null } : null,
    settings: {
      bannedWords: facts.bannedWords ?? [],
      suspectWords: facts.suspectWords ?? [],
      linkMinAccountAgeHours: facts.linkMinAccountAgeHours ?? 24,
      requireVerifiedEmail: facts.requireVerifiedEmail ?? true,
    },
    duplicateOfRecent: facts.duplicate,
    floodWaitSeconds: isEdit ? 0 : ((await peek(floodChecks(viewer.id, Math.max(essay.slowModeSeconds, thread?.slowModeSeconds ?? 0))))?.retryAfterSeconds ?? 0),
  };
}
