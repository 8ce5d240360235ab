import "server-only";
import { db } from "@/lib/db/client";
import { queryArrays, queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { commentJoins, commentViewColumns, commentViewFromRow, descendantCount, extraColumn, notHeldCondition, threadSql, visibleCondition } from "./read-sql";
import type { DiscussionSort } from "./schemas";
import { idsOfPath } from "./path";
import { countLoadedReplies } from "./tree";
import type { CommentView, DiscussionPage } from "./view";

/** Threads per page of an essay's discussion, and replies shown under each before "more replies". */
export const THREADS_PER_PAGE = 20;
export const FIRST_REPLIES = 5;

/**
 * One whole thread (or the subtree under `fromId`), depth-first, in a single
 * query. The list is complete, so each comment's reply count is counted from
 * it (the query itself leaves them 0) and a client can tell nothing is missing.
 */
export async function loadThread(rootId: number, viewerId: string | null, fromId?: number): Promise<CommentView[]> {
  return countLoadedReplies((await queryArrays(threadSql(rootId, viewerId, fromId))).map(commentViewFromRow));
}

function rootOrder(sort: DiscussionSort): Prisma.Sql {
  switch (sort) {
    case "new":
      return Prisma.sql`c."pinnedAt" IS NULL, c."createdAt" DESC, c.id DESC`;
    case "old":
      return Prisma.sql`c."pinnedAt" IS NULL, c."createdAt", c.id`;
    case "position":
      return Prisma.sql`c."pinnedAt" IS NULL, h.start NULLS FIRST, c."createdAt", c.id`;
    default:
      // Votes decayed by age, as in tree.ts's hotScore.
      return Prisma.sql`c."pinnedAt" IS NULL, (c.upvotes + 1) / power(extract(epoch FROM now() - c."createdAt")::float8 / 3600 + 2, 1.5) DESC, c.id`;
  }
}

/**
 * A page of an essay's discussion in two queries, whatever its size: the
 * threads (general discussion, or one passage's, or all passages' with
 * `highlightId: "*"`), each with its reply count, then their first replies.
 */
export async function loadDiscussion(essayId: string, viewerId: string | null, options: { sort: DiscussionSort; highlightId: string | null | "*"; cursor?: number }): Promise<DiscussionPage> {
  const scope =
    options.highlightId === "*" ? Prisma.sql`c."highlightId" IS NOT NULL` : options.highlightId ? Prisma.sql`c."highlightId" = ${options.highlightId}` : Prisma.sql`c."highlightId" IS NULL`;
  const offset = options.cursor ?? 0;
  // The page is chosen from ids and sort keys alone; only its rows are shaped and counted.
  const roots = await queryArrays(Prisma.sql`
    SELECT ${commentViewColumns(viewerId, Prisma.sql`(SELECT count(*)::int FROM "Comment" r WHERE r."rootId" = c.id AND r.id <> c.id AND ${notHeldCondition(viewerId, "r")})`)},
      page.total
    FROM (
      SELECT c.id, count(*) OVER ()::int AS total, row_number() OVER (ORDER BY ${rootOrder(options.sort)}) AS position
      FROM "Comment" c LEFT JOIN "Highlight" h ON h.id = c."highlightId"
      WHERE c."essayId" = ${essayId} AND c."parentId" IS NULL AND ${scope} AND ${visibleCondition(viewerId)}
      ORDER BY ${rootOrder(options.sort)}
      LIMIT ${THREADS_PER_PAGE} OFFSET ${offset}
    ) page
    JOIN "Comment" c ON c.id = page.id ${commentJoins}
    ORDER BY page.position`);
  if (roots.length === 0) return { comments: [], threads: 0, nextCursor: null };
  // Each thread's first replies, depth-first: one index range scan per thread, however long it is.
  const replies = await queryArrays(Prisma.sql`
    SELECT ${commentViewColumns(viewerId, descendantCount(viewerId, "c"))}
    FROM unnest(${roots.map((root) => root[0] as number)}::int[]) AS thread(id)
    CROSS JOIN LATERAL (
      SELECT * FROM "Comment" t
      WHERE t."rootId" = thread.id AND t.id <> thread.id AND ${notHeldCondition(viewerId, "t")}
      ORDER BY t.path LIMIT ${FIRST_REPLIES}
    ) c ${commentJoins}
    ORDER BY c.path`);
  const total = extraColumn(roots[0]!, 0) as number;
  return {
    comments: [...roots, ...replies].map(commentViewFromRow),
    threads: total,
    nextCursor: offset + roots.length < total ? offset + roots.length : null,
  };
}

/** How many threads `viewerId` can see: the general discussion's, or all passages' (`"*"`). */
export async function countThreads(essayId: string, viewerId: string | null, scope: null | "*"): Promise<number> {
  const [row] = await queryRows<{ count: number }>(Prisma.sql`
    SELECT count(*)::int AS count FROM "Comment" c
    WHERE c."essayId" = ${essayId} AND c."parentId" IS NULL AND c."highlightId" IS ${scope === "*" ? Prisma.sql`NOT NULL` : Prisma.sql`NULL`} AND ${visibleCondition(viewerId)}`);
  return row!.count;
}

/** One comment for one reader, or null if they may not see it (the live stream fetches through this). */
export async function loadComment(id: number, viewerId: string | null): Promise<CommentView | null> {
  const [row] = await queryArrays(Prisma.sql`
    SELECT ${commentViewColumns(viewerId, descendantCount(viewerId, "c"))}
    FROM "Comment" c ${commentJoins}
    WHERE c.id = ${id} AND ${visibleCondition(viewerId)}`);
  return row ? commentViewFromRow(row) : null;
}

/** The id of a comment's ancestor at `depth` (0: its thread's root), read from its materialised path; null if it has none that deep. */
export async function ancestorAt(commentId: number, depth: number): Promise<number | null> {
  const row = await db.comment.findUnique({ where: { id: commentId }, select: { path: true } });
  return row ? (idsOfPath(row.path)[depth] ?? null) : null;
}
