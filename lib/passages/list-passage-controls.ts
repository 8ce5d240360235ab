import "server-only";
import { queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import type { PassageControlView } from "./view";

/** The controls on an essay's current revision (or on every essay's, with `essayId` null), in reading order: the essay page and the settings page show them. */
export async function listPassageControls(essayId: string | null): Promise<(PassageControlView & { essayId: string })[]> {
  return queryRows<PassageControlView & { essayId: string }>(Prisma.sql`
    SELECT pc.id, pc."essayId", pc.start, pc."end", pc.exact, pc.locked, pc."slowModeSeconds", pc."preModerate", pc."highlightsClosed", pc."publicHighlightsOff", pc.reason, pc.automatic
    FROM "PassageControl" pc JOIN "Essay" e ON e.id = pc."essayId" AND e."currentRevisionId" = pc."revisionId"
    WHERE (${essayId}::text IS NULL OR pc."essayId" = ${essayId}::text)
    ORDER BY pc."essayId", pc.start, pc."end"`);
}
