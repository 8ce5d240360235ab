import "server-only";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { ESSAY_PUBLIC_HIGHLIGHTS_OFF_MESSAGE, PUBLIC_HIGHLIGHTS_OFF_MESSAGE } from "./view";

/** What the passage controls say about a new comment's passage, as `passageFactJoin` reads them (null: no control applies). */
export interface PassageFacts {
  passageLocked: boolean | null;
  passageLockReason: string | null;
  passageSlowModeSeconds: number | null;
  passagePreModerate: boolean | null;
  /** The editors turned public highlights off on the passage (null: no control applies). */
  passagePublicHighlightsOff: boolean | null;
  /** The essay's switch for public highlights. */
  publicHighlightsOpen: boolean;
  /** The site's automatic slow mode threshold (null: off): whether the write is followed by a heat check. */
  autoSlowHeatThreshold: number | null;
}

/**
 * The joins and columns of `PassageFacts` for the comment's facts query
 * (lib/comments/create-comment.ts, which joins the essay as `e`, the parent
 * as `p`, the highlight commented on as `h` and the settings as `s`). The
 * passage is the thread's highlight (a reply's parent's, or the one
 * commented on) while it is placed on the current revision, or the passage
 * a new thread is started on. Controls are read through the
 * PassageControl(essayId) index: on bench:threads' data, the essay, the
 * thread's highlight and 50 controls took 0.17-0.21 ms together, as with
 * none (EXPLAIN ANALYZE). The passage's offsets reach the query through
 * InitPlans, as its other values do, so its generic plan stays.
 */
export function passageFactSql(passage: { start: number; end: number } | undefined): { joins: Prisma.Sql; columns: Prisma.Sql } {
  return {
    joins: Prisma.sql`
    LEFT JOIN "Highlight" ph ON ph.id = coalesce(p."highlightId", h.id) AND ph."revisionId" = e."currentRevisionId" AND ph.status = 'ANCHORED'
    LEFT JOIN LATERAL (
      SELECT bool_or(pc.locked) AS "passageLocked", (array_agg(pc.reason ORDER BY pc."updatedAt" DESC) FILTER (WHERE pc.locked AND pc.reason IS NOT NULL))[1] AS "passageLockReason",
        max(pc."slowModeSeconds") AS "passageSlowModeSeconds", bool_or(pc."preModerate") AS "passagePreModerate",
        bool_or(pc."publicHighlightsOff") AS "passagePublicHighlightsOff"
      FROM "PassageControl" pc
      WHERE pc."essayId" = e.id AND pc."revisionId" = e."currentRevisionId"
        AND pc.start < coalesce(ph."end", (SELECT ${passage?.end ?? null}::int)) AND pc."end" > coalesce(ph.start, (SELECT ${passage?.start ?? null}::int))
    ) pcs ON true`,
    columns: Prisma.sql`pcs."passageLocked", pcs."passageLockReason", pcs."passageSlowModeSeconds", pcs."passagePreModerate", pcs."passagePublicHighlightsOff", e."publicHighlightsOpen", s."autoSlowHeatThreshold"`,
  };
}

/** The passage's rules for the pipeline, or null when no control applies. */
export function passageOf(facts: PassageFacts): { locked: boolean; lockReason: string | null; preModerate: boolean } | null {
  return facts.passageLocked === null ? null : { locked: facts.passageLocked, lockReason: facts.passageLockReason, preModerate: facts.passagePreModerate ?? false };
}

/**
 * Refuses a comment that would publish the reader's private highlight where
 * the editors turned public highlights off (a comment is public, and so is
 * what it is about: see lib/comments/create-comment.ts).
 */
export function assertCommentMayPublish(facts: PassageFacts & { highlightPrivate: boolean }): void {
  if (!facts.highlightPrivate) return;
  if (!facts.publicHighlightsOpen) throw new AppError("FORBIDDEN", ESSAY_PUBLIC_HIGHLIGHTS_OFF_MESSAGE);
  if (facts.passagePublicHighlightsOff) throw new AppError("FORBIDDEN", PUBLIC_HIGHLIGHTS_OFF_MESSAGE);
}
