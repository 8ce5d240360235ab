import "server-only";
import { queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { passageHeat, threadScore, type PassageHeat, type ThreadHeat } from "./heat";

/** A thread's last hour, with what the queue shows of it. */
export interface ThreadHeatRow extends ThreadHeat {
  essayId: string;
  slug: string;
  title: string;
  excerpt: string;
  threadSlowModeSeconds: number;
  /** The words of the thread's passage, when it is on one. */
  exact: string | null;
}

/**
 * Every thread with activity in the last hour (of one essay, or of all):
 * its comments, who wrote them, how many were held, hidden or held for a
 * suspect word, and the reports made in that hour on any of its comments,
 * in one query. The hour's comments are found through the
 * Comment(status, createdAt) index, one range per status, so the query reads
 * the last hour and not the table: on bench:threads' data (50,000 comments,
 * 5,000 highlights) with 200 comments in 145 threads written in the hour,
 * 2.7-3.6 ms for every essay and 2.7-6.4 ms for one (EXPLAIN ANALYZE, five
 * runs each, ~2 ms more to plan), against 56-87 ms when it scans.
 */
export async function loadThreadHeat(essayId: string | null): Promise<ThreadHeatRow[]> {
  return queryRows<ThreadHeatRow>(Prisma.sql`
    WITH recent AS (
      SELECT coalesce(c."rootId", c.id) AS root, c."authorId", c.status, c."holdReasons"
      FROM "Comment" c
      WHERE c.status IN ('PUBLISHED', 'HELD', 'HIDDEN') AND c."createdAt" >= (now() AT TIME ZONE 'UTC') - interval '1 hour'
        AND (${essayId}::text IS NULL OR c."essayId" = ${essayId}::text)
    ), reported AS (
      SELECT coalesce(c."rootId", c.id) AS root, count(*)::int AS reports
      FROM "Report" r JOIN "Comment" c ON c.id = r."commentId"
      WHERE r."createdAt" >= (now() AT TIME ZONE 'UTC') - interval '1 hour' AND (${essayId}::text IS NULL OR c."essayId" = ${essayId}::text)
      GROUP BY 1
    ), written AS (
      SELECT root, count(*)::int AS comments, array_agg(DISTINCT "authorId") AS "participantIds",
        count(*) FILTER (WHERE status = 'HELD')::int AS held, count(*) FILTER (WHERE status = 'HIDDEN')::int AS hidden,
        -- The suspect-word phase's hold reason is the one that speaks of a word (lib/moderation/phases.ts).
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM unnest("holdReasons") why WHERE why ILIKE '%word%'))::int AS "suspectHits"
      FROM recent GROUP BY root
    )
    SELECT rc.id AS "rootId", rc."essayId", e.slug, coalesce(rv.title, e.slug) AS title, left(rc.body, 140) AS excerpt, rc."slowModeSeconds" AS "threadSlowModeSeconds",
      coalesce(w.comments, 0) AS comments, coalesce(w."participantIds", '{}') AS "participantIds", coalesce(w.held, 0) AS held, coalesce(w.hidden, 0) AS hidden,
      coalesce(w."suspectHits", 0) AS "suspectHits", coalesce(rp.reports, 0) AS reports,
      CASE WHEN hl.id IS NULL THEN NULL ELSE json_build_object('start', hl.start, 'end', hl."end") END AS passage, hl.exact
    FROM written w FULL JOIN reported rp ON rp.root = w.root
    JOIN "Comment" rc ON rc.id = coalesce(w.root, rp.root)
    JOIN "Essay" e ON e.id = rc."essayId"
    LEFT JOIN "EssayRevision" rv ON rv.id = e."currentRevisionId"
    LEFT JOIN "Highlight" hl ON hl.id = rc."highlightId" AND hl."revisionId" = e."currentRevisionId" AND hl.status = 'ANCHORED' AND hl."deletedAt" IS NULL`);
}

/** A passage's heat, with its essay. */
export interface HeatedPassage extends PassageHeat {
  essayId: string;
  slug: string;
  title: string;
  exact: string;
}

/** A thread's heat, with its score. */
export interface HeatedThread extends ThreadHeatRow {
  score: number;
}

/** Threads and passages heated above this are listed in the queue's "Heating up". */
export const HEATING_UP_MIN_SCORE = 15;

/** The passages of `threads` (per essay), with their heat. */
export function passagesOf(threads: readonly ThreadHeatRow[]): HeatedPassage[] {
  const byEssay = new Map<string, ThreadHeatRow[]>();
  for (const thread of threads) byEssay.set(thread.essayId, [...(byEssay.get(thread.essayId) ?? []), thread]);
  return [...byEssay.values()].flatMap((essayThreads) =>
    passageHeat(essayThreads).map((passage) => {
      const first = essayThreads.find((thread) => thread.rootId === passage.rootIds[0])!;
      return { ...passage, essayId: first.essayId, slug: first.slug, title: first.title, exact: first.exact ?? "" };
    }),
  );
}

/** What the queue's "Heating up" panel lists: the hottest threads and passages of the last hour, hottest first. */
export async function loadHeatingUp(limit = 10): Promise<{ threads: HeatedThread[]; passages: HeatedPassage[] }> {
  const threads = await loadThreadHeat(null);
  return {
    threads: threads
      .map((thread) => ({ ...thread, score: threadScore(thread) }))
      .filter((thread) => thread.score >= HEATING_UP_MIN_SCORE)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit),
    passages: passagesOf(threads)
      .filter((passage) => passage.rootIds.length > 1 && passage.score >= HEATING_UP_MIN_SCORE)
      .sort((a, b) => b.score - a.score)
      .slice(0, limit),
  };
}
