import "server-only";
import { queryRows } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { ESSAY_PUBLIC_HIGHLIGHTS_OFF_MESSAGE, PUBLIC_HIGHLIGHTS_OFF_MESSAGE } from "./view";

/**
 * Refuses to make a reader's private highlight public where the editors
 * turned public highlights off (the essay's switch, or a control on a
 * passage it overlaps), as a new public highlight there is refused
 * (lib/highlights/create-highlight.ts). An orphaned highlight is on no
 * passage: only the essay's switch applies to it.
 */
export async function assertMayPublish(highlightId: string, authorId: string): Promise<void> {
  const [rules] = await queryRows<{ essayOpen: boolean; passageOff: boolean }>(Prisma.sql`
    SELECT e."publicHighlightsOpen" AS "essayOpen", EXISTS (
      SELECT 1 FROM "PassageControl" pc
      WHERE pc."essayId" = h."essayId" AND pc."revisionId" = h."revisionId" AND pc."publicHighlightsOff" AND h.status = 'ANCHORED' AND pc.start < h."end" AND pc."end" > h.start
    ) AS "passageOff"
    FROM "Highlight" h JOIN "Essay" e ON e.id = h."essayId"
    WHERE h.id = ${highlightId} AND h."authorId" = ${authorId} AND h."deletedAt" IS NULL AND h.visibility = 'PRIVATE'`);
  if (!rules) return;
  if (!rules.essayOpen) throw new AppError("FORBIDDEN", ESSAY_PUBLIC_HIGHLIGHTS_OFF_MESSAGE);
  if (rules.passageOff) throw new AppError("FORBIDDEN", PUBLIC_HIGHLIGHTS_OFF_MESSAGE);
}
