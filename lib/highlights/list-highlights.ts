import "server-only";
import { db } from "@/lib/db/client";
import { highlightViewSelect, toHighlightView, type HighlightView } from "./view";

/**
 * What `viewerId` (null: signed out) may see of an essay's highlights: every
 * public one and the viewer's own private ones, never anyone else's private
 * ones, never deleted ones. Anchored highlights come first in text order;
 * orphans (kept, never dropped) follow.
 */
export async function listHighlightsForEssay(essayId: string, viewerId: string | null): Promise<HighlightView[]> {
  const rows = await db.highlight.findMany({
    where: {
      essayId,
      deletedAt: null,
      OR: [{ visibility: "PUBLIC" }, ...(viewerId ? [{ authorId: viewerId }] : [])],
    },
    orderBy: [{ status: "asc" }, { start: "asc" }, { createdAt: "asc" }],
    select: highlightViewSelect,
  });
  return rows.map((row) => toHighlightView(row, viewerId));
}
