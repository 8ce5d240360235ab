import "server-only";
import { queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
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

/**
 * The first paint of an essay's placed highlights for `viewerId`: their own
 * (private ones included) and other readers' public ones, on the current
 * revision. Four columns and no comment counts: 1.5 ms for 5,000 highlights
 * where the full list's query takes 57 ms, so the page can stream it.
 */
export async function loadFirstPaint(essayId: string, revisionId: string, viewerId: string | null): Promise<FirstPaint> {
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
