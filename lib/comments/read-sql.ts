import "server-only";
import { DELETED_ACCOUNT_NAME } from "@/lib/auth/account-constants";
import { Prisma } from "@/lib/generated/prisma/client";
import { typicalReviewWaitSql } from "@/lib/moderation/review-wait";
import type { CommentView } from "./view";

/** What a column's SQL may depend on: who is reading, and the reply count the query supplies. */
interface ColumnScope {
  viewerId: string | null;
  replyCount: Prisma.Sql;
}

const shown = Prisma.sql`(c."deletedAt" IS NULL AND c.status <> 'HIDDEN')`;
const accountGone = Prisma.sql`(u.handle IS NULL OR u."deletedAt" IS NOT NULL)`;
const mine = ({ viewerId }: ColumnScope) => (viewerId ? Prisma.sql`coalesce(c."authorId" = ${viewerId}, false)` : Prisma.sql`false`);

/**
 * A comment as a reader sees it, column by column, in CommentView's field
 * order: the select list, its width and the row decoder all come from this
 * one table. This is the one place that decides what a reader gets: deleted
 * and hidden comments become tombstones without their text, the Markdown
 * source comes only with the viewer's own comments, and held ones (and
 * comments on a highlight the viewer may not see) are filtered out by
 * `visibleCondition` before they get here. PostgreSQL does the masking and
 * formats the timestamp, so a long thread's rows are read as plain arrays
 * and go out with one JSON.stringify (a 10,000-comment thread in about 40 ms
 * instead of 60).
 */
const COMMENT_VIEW_COLUMNS = [
  ["id", () => Prisma.sql`c.id`],
  ["highlightId", () => Prisma.sql`c."highlightId"`],
  ["parentId", () => Prisma.sql`c."parentId"`],
  ["rootId", () => Prisma.sql`coalesce(c."rootId", c.id)`],
  ["depth", () => Prisma.sql`c.depth`],
  ["state", () => Prisma.sql`CASE WHEN c."deletedAt" IS NOT NULL THEN 'deleted' WHEN c.status = 'HIDDEN' THEN 'hidden' WHEN c.status = 'HELD' THEN 'held' ELSE 'published' END`],
  ["authorHandle", () => Prisma.sql`CASE WHEN c."deletedAt" IS NOT NULL THEN NULL WHEN ${accountGone} THEN '' ELSE u.handle END`],
  ["authorName", () => Prisma.sql`CASE WHEN ${accountGone} THEN ${DELETED_ACCOUNT_NAME}::text ELSE coalesce(u.name, u.handle) END`],
  ["html", () => Prisma.sql`CASE WHEN ${shown} THEN c."bodyHtml" END`],
  ["source", (scope) => Prisma.sql`CASE WHEN ${shown} AND ${mine(scope)} THEN c.body END`],
  ["hiddenReason", () => Prisma.sql`CASE WHEN c."deletedAt" IS NULL AND c.status = 'HIDDEN' THEN c."hiddenReason" END`],
  ["hiddenByReports", () => Prisma.sql`c."deletedAt" IS NULL AND c.status = 'HIDDEN' AND c."hiddenByReports"`],
  // Why a held comment waits, and for how long such waits usually last: its author's business alone.
  ["holdReasons", (scope) => Prisma.sql`CASE WHEN c."deletedAt" IS NULL AND c.status = 'HELD' AND ${mine(scope)} THEN c."holdReasons" END`],
  ["reviewWaitSeconds", (scope) => Prisma.sql`CASE WHEN c."deletedAt" IS NULL AND c.status = 'HELD' AND ${mine(scope)} THEN ${typicalReviewWaitSql} END`],
  ["edited", () => Prisma.sql`c."editedAt" IS NOT NULL`],
  ["pinned", () => Prisma.sql`c."pinnedAt" IS NOT NULL`],
  ["locked", () => Prisma.sql`c."lockedAt" IS NOT NULL`],
  ["upvotes", () => Prisma.sql`c.upvotes`],
  ["voted", ({ viewerId }) => (viewerId ? Prisma.sql`EXISTS (SELECT 1 FROM "Vote" v WHERE v."commentId" = c.id AND v."userId" = ${viewerId})` : Prisma.sql`false`)],
  ["mine", mine],
  ["replyCount", ({ replyCount }) => replyCount],
  ["passageQuote", () => Prisma.sql`CASE WHEN c.depth = 0 AND c."highlightId" IS NOT NULL THEN (SELECT h.exact FROM "Highlight" h WHERE h.id = c."highlightId") END`],
  ["createdAt", () => Prisma.sql`to_char(c."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`],
] as const satisfies readonly (readonly [string, (scope: ColumnScope) => Prisma.Sql])[];

/** How many columns `commentViewColumns` yields: a query's own columns follow them (read them with `extraColumn`). */
const COMMENT_VIEW_WIDTH = COMMENT_VIEW_COLUMNS.length;

/** The select list of a comment as `viewerId` sees it, from the row aliased `c` and its author `u` (see `commentJoins`). */
export function commentViewColumns(viewerId: string | null, replyCount: Prisma.Sql = Prisma.sql`0`): Prisma.Sql {
  const scope = { viewerId, replyCount };
  return Prisma.join(
    COMMENT_VIEW_COLUMNS.map(([name, column]) => Prisma.sql`${column(scope)} AS ${Prisma.raw(`"${name}"`)}`),
    ", ",
  );
}

/**
 * Reads a row selected with `commentViewColumns` (its first columns) as a
 * CommentView. The decoder is compiled once from the column table into one
 * object literal, so every view has the same shape: built property by
 * property in a loop, a 10,000-comment thread's views were slower to create
 * and to serialise (bench:threads p95 164 ms against 85 ms for the literal).
 */
export const commentViewFromRow = compileDecoder(COMMENT_VIEW_COLUMNS.map(([name]) => name));

function compileDecoder(names: readonly string[]): (row: readonly unknown[]) => CommentView {
  const at = (name: string) => `row[${names.indexOf(name)}]`;
  const fields = names
    .filter((name) => name !== "authorName")
    .map((name) => (name === "authorHandle" ? `author: ${at("authorHandle")} === null ? null : { handle: ${at("authorHandle")}, name: ${at("authorName")} }` : `${name}: ${at(name)}`));
  return new Function("row", `return { ${fields.join(", ")} };`) as (row: readonly unknown[]) => CommentView;
}

/** The `index`-th column a query selects after `commentViewColumns` (0 for the first). */
export function extraColumn(row: readonly unknown[], index: number): unknown {
  return row[COMMENT_VIEW_WIDTH + index];
}

/**
 * The author join `commentViewColumns` needs. The author is looked up comment by
 * comment (a LATERAL with LIMIT, which the planner cannot flatten): as a
 * plain join, a 20-comment thread was planned as a merge join over thousands
 * of accounts (1.9 ms instead of 0.2).
 */
export const commentJoins = Prisma.sql`LEFT JOIN LATERAL (SELECT handle, name, "deletedAt" FROM "User" WHERE id = c."authorId" LIMIT 1) u ON true`;

/**
 * Whether the viewer is a moderator or admin, asked of the database:
 * uncorrelated, so PostgreSQL runs it once per query (an InitPlan), and only
 * when a held comment by someone else is met at all.
 */
function viewerModerates(viewerId: string | null): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "User" staff WHERE staff.id = ${viewerId ?? ""} AND staff.role IN ('MODERATOR', 'ADMIN'))`;
}

/**
 * Held comments reach nobody but their author and the moderators (who
 * approve them in place on the essay page). This alone is enough for the
 * replies under a comment the reader may already see, since replies share
 * their root's passage, and checking it per reply cost a 1,000-comment
 * passage thread 1,000 highlight lookups.
 */
export function notHeldCondition(viewerId: string | null, alias = "c"): Prisma.Sql {
  const table = Prisma.raw(alias);
  return Prisma.sql`(${table}.status <> 'HELD' OR ${table}."authorId" = ${viewerId ?? ""} OR ${viewerModerates(viewerId)})`;
}

/** Whether `viewerId` may see the passage of the highlight `highlightId` (an SQL expression): public, or their own. */
function passageVisible(viewerId: string | null, highlightId: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "Highlight" hv WHERE hv.id = ${highlightId} AND (hv.visibility = 'PUBLIC' OR hv."authorId" = ${viewerId ?? ""}))`;
}

/**
 * What a reader may see at all, in every read path that starts from a
 * comment rather than from its thread: held comments reach nobody but their
 * author and the moderators, and a comment on a private highlight reaches nobody but the
 * highlight's owner (a comment makes its highlight public since the
 * security review; older ones on still-private highlights are kept, not
 * shown, so neither the passage nor the highlight's id leaks).
 * General-discussion comments have no highlight and skip the lookup.
 */
export function visibleCondition(viewerId: string | null, alias = "c"): Prisma.Sql {
  const table = Prisma.raw(alias);
  return Prisma.sql`${notHeldCondition(viewerId, alias)} AND (${table}."highlightId" IS NULL OR ${passageVisible(viewerId, Prisma.sql`${table}."highlightId"`)})`;
}

/**
 * The query behind one thread (or the subtree under `fromId`), depth-first.
 * Kept here as SQL so the thread benchmark's bare `pg` server runs exactly it.
 */
export function threadSql(rootId: number, viewerId: string | null, fromId?: number): Prisma.Sql {
  // The thread's root, or NULL (no rows at all) when it does not exist or the
  // reader may not see its passage: uncorrelated, so it runs once (an
  // InitPlan), and the scan matches `c."rootId"` against its result rather
  // than against the parameter. That keeps the prepared statement's plan
  // generic. With `c."rootId" = $n` and the check as a separate EXISTS (as
  // f3c8ea1 added it), every custom plan saw the root id, a 20-comment thread
  // looked cheaper replanned than generic, and PostgreSQL planned it on every
  // execution (pg_prepared_statements: 0 generic plans in 410), which the
  // EXISTS made 0.18 → 0.29 ms: the read took 0.98 ms against the baseline's
  // 0.82, and bare node+pg served 1,109 req/s against 1,385. Now each
  // connection plans it five times, then reuses one generic plan (an index
  // scan in path order) for every thread: 0.64 ms, 1,510 req/s. A
  // 10,000-comment thread's first five reads get that scan too, not a bitmap
  // scan and a sort of the wide rows (18 ms of execution instead of 38).
  // Same rows for every reader: 7,343 thread reads compared row for row with
  // the EXISTS form (private passages, held comments, subtrees, signed out).
  const visibleRoot = Prisma.sql`(SELECT root.id FROM "Comment" root WHERE root.id = ${rootId} AND (root."highlightId" IS NULL OR ${passageVisible(viewerId, Prisma.sql`root."highlightId"`)}))`;
  const subtree = fromId ? Prisma.sql`AND c.path >= (SELECT path FROM "Comment" WHERE id = ${fromId}) AND c.path < (SELECT path FROM "Comment" WHERE id = ${fromId}) || '/'` : Prisma.empty;
  return Prisma.sql`
    SELECT ${commentViewColumns(viewerId)} FROM "Comment" c ${commentJoins}
    WHERE c."rootId" = ${visibleRoot} ${subtree} AND ${notHeldCondition(viewerId)}
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
    WHERE r."rootId" = ${table}."rootId" AND r.path > ${table}.path || '.' AND r.path < ${table}.path || '/' AND ${notHeldCondition(viewerId, "r")})`;
}
