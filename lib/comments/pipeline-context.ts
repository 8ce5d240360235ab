import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { trustFactsSql } from "@/lib/moderation/load-trust";
import { hasLink } from "@/lib/moderation/phases";
import type { CommentContext } from "@/lib/moderation/pipeline";
import { trustLevel, trustRulesFrom, type TrustFacts } from "@/lib/moderation/trust";
import { LIMITS, type LimitRule } from "@/lib/rate-limit/limits";

/** The same text again within this window is refused as a duplicate. */
const DUPLICATE_WINDOW_MINUTES = 5;
/** The duplicate window as SQL text, not a parameter (see judgingFactColumns). */
const DUPLICATE_WINDOW = Prisma.raw(`interval '${DUPLICATE_WINDOW_MINUTES} minutes'`);

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
  exactMatchWords: string[] | null;
  trustRules: unknown;
  requireVerifiedEmail: boolean | null;
  duplicate: boolean;
}

/**
 * The columns of `JudgingFacts`, for a query that joins the essay as `e` and
 * the site's settings as `s` (`LEFT JOIN "ModerationSettings" s ON s.id = 1`):
 * the word lists and whether the author wrote `body` moments ago (not asked
 * for an edit, `body` null).
 *
 * Written so that PostgreSQL keeps one generic plan for the comment's facts
 * query: a custom plan, which sees the author's id, the duplicate window and
 * a null parent, always looked cheaper (397 against 466 in bench:threads'
 * data, 25 against 280 for a new author beside prolific ones), so every
 * comment was planned again: 320 µs of its 1.3 ms of database time
 * (log_min_duration_statement). The author's id reaches the subquery
 * through an InitPlan, which hides it from both plans alike; the window is a
 * constant; the count (`publishedCommentCount`) is read only where an essay
 * pre-moderates new accounts.
 */
export function judgingFactColumns(viewerId: string, body: string | null): Prisma.Sql {
  return Prisma.sql`s."bannedWords", s."suspectWords", s."exactMatchWords", s."trustRules", s."requireVerifiedEmail",
    ${body === null ? Prisma.sql`false` : Prisma.sql`EXISTS (SELECT 1 FROM "Comment" WHERE "authorId" = (SELECT ${viewerId}::text) AND body = ${body} AND "createdAt" >= (now() AT TIME ZONE 'UTC') - ${DUPLICATE_WINDOW})`} AS duplicate`;
}

/** The author's trust facts (lib/moderation/trust.ts): what holding new readers' links and pre-moderating new accounts judge by. */
async function authorTrustFacts(viewerId: string): Promise<TrustFacts> {
  const [row] = await queryRows<TrustFacts>(trustFactsSql([viewerId]));
  return row!;
}

/** The judging facts for an edit of a comment on `essayId`, on their own. */
export async function loadEditFacts(viewer: Viewer, essayId: string): Promise<JudgingFacts> {
  const [facts] = await queryRows<JudgingFacts>(Prisma.sql`
    SELECT ${judgingFactColumns(viewer.id, null)} FROM "Essay" e LEFT JOIN "ModerationSettings" s ON s.id = 1 WHERE e.id = ${essayId}`);
  return facts!;
}

/**
 * The author's published comments and trust level, read (one more round
 * trip) only for a comment that needs them: one with a link, or a new
 * comment on an essay that pre-moderates new accounts (which read the count
 * alone before). Every other comment is judged without: most have no link,
 * and counting a prolific reader's history on each of their comments would
 * cost the write path what it saved by one facts query. Measured in
 * PL/pgSQL loops on the integration data (an author of 51 comments): the
 * trust facts take 180 µs against 82-108 µs for the count they replace;
 * the facts query's two added settings columns (exact words, trust rules)
 * cost nothing measurable (4-10 µs either way). bench:threads --only=writes
 * (no links), alternating the commits before and after, on a machine at
 * load 7-11: comments/s 118, 219 before and 106, 115, 284 after; PostgreSQL
 * CPU per comment 1.88, 1.75 ms and 1.94, 2.41, 1.48 ms: within the noise.
 */
async function authorStanding(viewer: Viewer, preModerated: boolean, body: string, facts: JudgingFacts): Promise<Pick<CommentContext["author"], "publishedComments" | "trustLevel">> {
  if (!preModerated && !hasLink(body)) return { publishedComments: Infinity, trustLevel: null };
  const trust = await authorTrustFacts(viewer.id);
  return { publishedComments: trust.publishedComments, trustLevel: trustLevel(trust, trustRulesFrom(facts.trustRules), new Date()) };
}

/**
 * Assembles what the moderation pipeline judges a comment by. The flood
 * limit is not among the facts: the writer spends it after the verdict, so
 * a comment the pipeline refuses leaves no trace (a reader told to rephrase
 * a banned word can post the rephrased comment at once).
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
    author: { createdAt: viewer.createdAt, emailVerified: viewer.emailVerified, ...(await authorStanding(viewer, essay.preModeration === "NEW_ACCOUNTS" && !isEdit, body, facts)) },
    essay,
    thread: thread ? { locked: thread.lockedAt !== null } : null,
    settings: {
      bannedWords: facts.bannedWords ?? [],
      suspectWords: facts.suspectWords ?? [],
      exactMatchWords: facts.exactMatchWords ?? [],
      requireVerifiedEmail: facts.requireVerifiedEmail ?? true,
    },
    duplicateOfRecent: facts.duplicate,
  };
}
