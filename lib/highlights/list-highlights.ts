import "server-only";
import { queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { toHighlightView, type HighlightRow, type HighlightView } from "./view";

type FlatRow = Omit<HighlightRow, "author" | "_count"> & { authorId: string; authorHandle: string; authorName: string; commentCount: number };

/**
 * What `viewerId` (null: signed out) may see of an essay's highlights: every
 * public one and the viewer's own private ones, never anyone else's private
 * ones, never deleted ones. Anchored highlights come first in text order;
 * orphans (kept, never dropped) follow. `onlyOrphans` lists just those (the
 * essay page renders them; the rest load in the browser). One query; each
 * comment count is an index range on ("essayId", "highlightId"), so listing
 * a few orphans never counts the whole discussion.
 */
export async function listHighlightsForEssay(essayId: string, viewerId: string | null, options: { onlyOrphans?: boolean } = {}): Promise<HighlightView[]> {
  const rows = await queryRows<FlatRow>(Prisma.sql`
    SELECT h.id, h."revisionId", h.start, h."end", h.exact, h.colour::text AS colour, h.note, h."noteHiddenAt", h."noteHiddenReason",
      h.visibility::text AS visibility, h.tags, h.status::text AS status, h."passageDiff", h."createdAt", h."updatedAt",
      u.id AS "authorId", u.handle AS "authorHandle", u.name AS "authorName",
      (SELECT count(*)::int FROM "Comment" c
        WHERE c."essayId" = ${essayId} AND c."highlightId" = h.id AND c.status = 'PUBLISHED' AND c."deletedAt" IS NULL) AS "commentCount"
    FROM "Highlight" h
    JOIN "User" u ON u.id = h."authorId"
    WHERE h."essayId" = ${essayId} AND h."deletedAt" IS NULL
      AND (h.visibility = 'PUBLIC' OR h."authorId" = ${viewerId ?? ""})
      ${options.onlyOrphans ? Prisma.sql`AND h.status = 'ORPHANED'` : Prisma.empty}
    ORDER BY h.status, h.start, h."createdAt"`);
  return rows.map(({ authorId, authorHandle, authorName, commentCount, ...row }) =>
    toHighlightView({ ...row, author: { id: authorId, handle: authorHandle, name: authorName }, _count: { comments: commentCount } }, viewerId),
  );
}
