import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The columns every comment read returns (the CommentRow shape), with the
 * author and whether `viewerId` voted, in one joined query. The Markdown
 * source comes only with the viewer's own comments (to edit them); everyone
 * else gets the stored HTML alone, which halves what a long thread carries.
 */
export function commentColumns(viewerId: string | null): Prisma.Sql {
  return Prisma.sql`
    c.id, c."essayId", c."highlightId", c."parentId", c."rootId", c.depth, c.path, c."authorId",
    u.handle AS "authorHandle", u.name AS "authorName", (u."deletedAt" IS NOT NULL) AS "authorDeleted",
    ${viewerId ? Prisma.sql`CASE WHEN c."authorId" = ${viewerId} THEN c.body END` : Prisma.sql`NULL::text`} AS body, c."bodyHtml", c.status::text AS status, c."hiddenReason", c."deletedAt", c."editedAt",
    c."pinnedAt", c."lockedAt", c.upvotes, c."createdAt",
    ${viewerId ? Prisma.sql`EXISTS (SELECT 1 FROM "Vote" v WHERE v."commentId" = c.id AND v."userId" = ${viewerId})` : Prisma.sql`false`} AS voted,
    CASE WHEN c.depth = 0 AND c."highlightId" IS NOT NULL THEN (SELECT h.exact FROM "Highlight" h WHERE h.id = c."highlightId") END AS "passageQuote"`;
}

/**
 * The joins `commentColumns` needs. The author is looked up comment by
 * comment (a LATERAL with LIMIT, which the planner cannot flatten): as a
 * plain join, a 20-comment thread was planned as a merge join over thousands
 * of accounts (1.9 ms instead of 0.2).
 */
export const commentJoins = Prisma.sql`LEFT JOIN LATERAL (SELECT handle, name, "deletedAt" FROM "User" WHERE id = c."authorId" LIMIT 1) u ON true`;

/** Held comments reach nobody but their author, in every read path. */
export function visibleCondition(viewerId: string | null, alias = "c"): Prisma.Sql {
  const table = Prisma.raw(alias);
  return Prisma.sql`(${table}.status <> 'HELD' OR ${table}."authorId" = ${viewerId ?? ""})`;
}

/**
 * The query behind one thread (or the subtree under `fromId`), depth-first.
 * Kept here as SQL so the thread benchmark's bare `pg` server runs exactly it.
 */
export function threadSql(rootId: number, viewerId: string | null, fromId?: number): Prisma.Sql {
  const subtree = fromId
    ? Prisma.sql`AND c.path >= (SELECT path FROM "Comment" WHERE id = ${fromId}) AND c.path < (SELECT path FROM "Comment" WHERE id = ${fromId}) || '/'`
    : Prisma.empty;
  return Prisma.sql`
    SELECT ${commentColumns(viewerId)} FROM "Comment" c ${commentJoins}
    WHERE c."rootId" = ${rootId} ${subtree} AND ${visibleCondition(viewerId)}
    ORDER BY c.path`;
}

/**
 * How many visible replies, at any depth, the comment aliased `alias` has: its
 * subtree is the index range of paths that start with its own path and a dot
 * (paths collate bytewise, and "/" follows ".").
 */
export function descendantCount(viewerId: string | null, alias: string): Prisma.Sql {
  const table = Prisma.raw(alias);
  return Prisma.sql`(SELECT count(*)::int FROM "Comment" r
    WHERE r."rootId" = ${table}."rootId" AND r.path > ${table}.path || '.' AND r.path < ${table}.path || '/' AND ${visibleCondition(viewerId, "r")})`;
}
