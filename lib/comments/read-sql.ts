import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The columns every comment read returns (the CommentRow shape), with the
 * author and whether `viewerId` voted, in one joined query.
 */
export function commentColumns(viewerId: string | null): Prisma.Sql {
  return Prisma.sql`
    c.id, c."essayId", c."highlightId", c."parentId", c."rootId", c.depth, c.path, c."authorId",
    u.handle AS "authorHandle", u.name AS "authorName", (u."deletedAt" IS NOT NULL) AS "authorDeleted",
    c.body, c."bodyHtml", c.status::text AS status, c."hiddenReason", c."deletedAt", c."editedAt",
    c."pinnedAt", c."lockedAt", c.upvotes, c."createdAt",
    EXISTS (SELECT 1 FROM "Vote" v WHERE v."commentId" = c.id AND v."userId" = ${viewerId ?? ""}) AS voted,
    CASE WHEN c.depth = 0 AND c."highlightId" IS NOT NULL THEN (SELECT h.exact FROM "Highlight" h WHERE h.id = c."highlightId") END AS "passageQuote"`;
}

/** The joins `commentColumns` needs. */
export const commentJoins = Prisma.sql`LEFT JOIN "User" u ON u.id = c."authorId"`;

/** Held comments reach nobody but their author, in every read path. */
export function visibleCondition(viewerId: string | null, alias = "c"): Prisma.Sql {
  const table = Prisma.raw(alias);
  return Prisma.sql`(${table}.status <> 'HELD' OR ${table}."authorId" = ${viewerId ?? ""})`;
}
