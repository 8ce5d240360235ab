import "server-only";
import { queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { PositionCache } from "@/lib/live/position-cache";
import { firstPaintOf, type FirstPaint } from "./first-paint";
import type { PaintColour } from "./paint";

interface PaintRow {
  id: string;
  start: number;
  end: number;
  colour: string;
  private: boolean;
  authorId: string;
}

/** Four columns and no comment counts: 1.5 ms of query for 5,000 highlights where the full list's takes 57 ms, so the page can stream it. */
async function readFirstPaint(essayId: string, revisionId: string, viewerId: string | null): Promise<FirstPaint> {
  const rows = await queryRows<PaintRow>(Prisma.sql`
    SELECT h.id, h.start, h."end", lower(h.colour::text) AS colour, h.visibility = 'PRIVATE' AS private, h."authorId"
    FROM "Highlight" h
    WHERE h."essayId" = ${essayId} AND h."revisionId" = ${revisionId} AND h.status = 'ANCHORED' AND h."deletedAt" IS NULL
      AND (h.visibility = 'PUBLIC' OR h."authorId" = ${viewerId ?? ""})`);
  const own = rows.filter((row) => row.authorId === viewerId).map(({ id, start, end, colour, private: only }) => ({ id, start, end, colour: colour as PaintColour, private: only }));
  return firstPaintOf(
    own,
    rows.filter((row) => row.authorId !== viewerId).map(({ start, end, authorId }) => ({ start, end, reader: authorId })),
  );
}

/**
 * Signed-out first paints by essay revision and event position (see
 * PositionCache): for bench:threads' 5,000 highlights a read is 14 ms of
 * parsing rows and 4 ms of reducing them on the event loop, and while it ran
 * the essay page's first byte waited (TTFB p50 / p95 30.6 / 78.4 ms against
 * 20.2 / 31.3 for the same essay with nothing on it). Each entry is ~23 KB.
 */
const signedOutPaints = new PositionCache<FirstPaint>(200, 5_000);

/**
 * The first paint of an essay's placed highlights for `viewerId`: their own
 * (private ones included) and other readers' public ones, on the current
 * revision. Given the event position the page read first, a signed-out
 * reader's is shared with every other signed-out reader's at that position.
 */
export function loadFirstPaint(essayId: string, revisionId: string, viewerId: string | null, position?: number): Promise<FirstPaint> {
  if (viewerId !== null || position === undefined) return readFirstPaint(essayId, revisionId, viewerId);
  return signedOutPaints.read(`${essayId}:${revisionId}`, position, () => readFirstPaint(essayId, revisionId, null));
}
