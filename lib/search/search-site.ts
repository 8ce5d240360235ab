import "server-only";
import { db } from "@/lib/db/client";
import { queryRowsPlannedPerCall } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { SEARCH_PAGE_SIZE, type SearchKind, type SearchQuery } from "./schemas";
import { MARK_END, MARK_START, snippetParts, type SnippetPart } from "./snippet";

// Full-text search over PostgreSQL's own indexes (migration
// 20261207064205): generated tsvector columns with GIN indexes on essay
// revisions, comments and highlights. Raw SQL because Prisma cannot name a
// tsvector column or call websearch_to_tsquery.

/** One search result, shaped for the page and the API. */
export type SearchResult =
  | { kind: "essay"; id: string; url: string; essay: { slug: string; title: string }; title: SnippetPart[]; snippet: SnippetPart[]; date: string }
  | { kind: "comment"; id: number; url: string; essay: { slug: string; title: string }; author: { handle: string; name: string } | null; snippet: SnippetPart[]; date: string }
  | {
      kind: "highlight";
      id: string;
      url: string;
      essay: { slug: string; title: string };
      author: { handle: string; name: string };
      quote: SnippetPart[];
      note: SnippetPart[] | null;
      tags: string[];
      mine: boolean;
      visibility: "public" | "private";
      date: string;
    };

/** How many of each kind matched, counted up to `COUNT_CAP`. */
export type SearchCounts = Record<Exclude<SearchKind, "all">, number>;

/** What a search answers. */
export interface SearchAnswer {
  results: SearchResult[];
  counts: SearchCounts;
  /** Whether there is a page after this one. */
  more: boolean;
  /** Set when the search could not run as asked: said to the reader instead of results. */
  notice: string | null;
  /** Readers whose handle or name is like the words searched for (trigram similarity), for "People". */
  people: { handle: string; name: string }[];
}

/** Counts stop here: "1,000+" is all a reader needs, and counting every match of a common word is what would make the page slow. */
export const COUNT_CAP = 1_000;

/**
 * A search made only of English stop words ("the", "to be or not") is run
 * unstemmed and matches nearly everything: ranking all 50,000 comments of
 * the thread benchmark took 60 ms (p50), so such a search ranks only the
 * newest matches of each kind.
 */
const BROAD_CANDIDATES = 2_000;

const EMPTY: SearchAnswer = { results: [], counts: { essays: 0, comments: 0, highlights: 0 }, more: false, notice: null, people: [] };

interface Filters {
  essayId: string | null;
  authorId: string | null;
  from: Date | null;
  /** Exclusive: the day after the last date asked for. */
  until: Date | null;
}

/** A search's words as PostgreSQL parsed them. */
interface Terms {
  /** The tsquery's text, sent back as a value so that each statement is planned knowing it. */
  query: string;
  config: "english" | "simple";
  /** Every word was an English stop word (see BROAD_CANDIDATES). */
  broad: boolean;
  /** Something to look for: not only `-word`s or punctuation. */
  searchable: boolean;
}

/**
 * Parses the reader's words in web search syntax, in English (stemmed:
 * "negotiating" finds "negotiations"); when English leaves nothing to look
 * for (every word a stop word, "to be or not to be"), unstemmed. Null when
 * PostgreSQL cannot parse them at all (too many operators in a row).
 */
async function parseTerms(text: string): Promise<Terms | null> {
  let rows: Terms[];
  try {
    rows = await queryRowsPlannedPerCall<Terms>(Prisma.sql`
    SELECT query::text AS query, config, config = 'simple' AS broad, querytree(query) <> 'T' AS searchable FROM (
      SELECT CASE WHEN numnode(english) > 0 THEN english ELSE websearch_to_tsquery('simple', ${text}) END AS query, CASE WHEN numnode(english) > 0 THEN 'english' ELSE 'simple' END AS config
      FROM websearch_to_tsquery('english', ${text}) english
    ) parsed`);
  } catch (error) {
    // PostgreSQL's parser keeps at most 32 pending operators: 33 "-" in a row (or "-!-!…") is an error, not a search.
    if (error instanceof Error && /tsquery stack too small/.test(error.message)) return null;
    throw error;
  }
  return rows[0]!;
}

function termsTable(terms: Terms): Prisma.Sql {
  return Prisma.sql`(SELECT ${terms.query}::tsquery AS query, ${terms.config}::regconfig AS config) q`;
}

function dateRange(column: Prisma.Sql, filters: Filters): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (filters.from) parts.push(Prisma.sql`AND ${column} >= ${filters.from}`);
  if (filters.until) parts.push(Prisma.sql`AND ${column} < ${filters.until}`);
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

const ORDER: Record<SearchQuery["sort"], Prisma.Sql> = {
  relevance: Prisma.sql`ORDER BY rank DESC, at DESC`,
  newest: Prisma.sql`ORDER BY at DESC`,
};

// ts_rank's weights for D, C, B, A. Comments are indexed without weights (D),
// so they count as a title does; essays' bodies (C) count less than their
// titles and deks; a highlight's note and tags (A) more than its quote (B).
// Normalisation 1 divides by 1 + log(length), so a long essay that says a
// word forty times does not bury a comment that is about it.
const WEIGHTS = Prisma.sql`'{1.0, 0.3, 0.5, 1.0}'::float4[]`;

function essayMatches(terms: Terms, filters: Filters): Prisma.Sql {
  return Prisma.sql`
    FROM "Essay" e JOIN "EssayRevision" r ON r.id = e."currentRevisionId", ${termsTable(terms)}
    WHERE r."searchVector" @@ q.query AND e."unpublishedAt" IS NULL
      ${filters.essayId ? Prisma.sql`AND e.id = ${filters.essayId}` : Prisma.empty} ${dateRange(Prisma.sql`r."createdAt"`, filters)}`;
}

function commentMatches(terms: Terms, viewerId: string | null, filters: Filters): Prisma.Sql {
  return Prisma.sql`
    FROM "Comment" c JOIN "Essay" e ON e.id = c."essayId", ${termsTable(terms)}
    WHERE c."searchVector" @@ q.query AND c.status = 'PUBLISHED' AND c."deletedAt" IS NULL AND e."unpublishedAt" IS NULL
      -- A probe per comment on a passage: written as EXISTS, the planner hashed every public highlight first (19 ms for 4,742).
      AND (c."highlightId" IS NULL OR (SELECT hv.visibility = 'PUBLIC' OR hv."authorId" = ${viewerId ?? ""} FROM "Highlight" hv WHERE hv.id = c."highlightId"))
      ${filters.essayId ? Prisma.sql`AND c."essayId" = ${filters.essayId}` : Prisma.empty}
      ${filters.authorId ? Prisma.sql`AND c."authorId" = ${filters.authorId}` : Prisma.empty} ${dateRange(Prisma.sql`c."createdAt"`, filters)}`;
}

/**
 * Highlights a reader may find: their own, private ones included, by quote,
 * note or tag; other readers' public ones by note and tags only (the
 * weight-A part of the vector): matching their quotes would list the essay's
 * own words once per reader who highlighted them. A note a moderator hid
 * hides its highlight from everyone's search but its author's.
 */
function highlightMatches(terms: Terms, viewerId: string | null, filters: Filters): Prisma.Sql {
  return Prisma.sql`
    FROM "Highlight" h JOIN "Essay" e ON e.id = h."essayId", ${termsTable(terms)}
    WHERE h."searchVector" @@ q.query AND h."deletedAt" IS NULL AND e."unpublishedAt" IS NULL
      AND (h."authorId" = ${viewerId ?? ""} OR (h.visibility = 'PUBLIC' AND h."noteHiddenAt" IS NULL AND ts_filter(h."searchVector", '{a}') @@ q.query))
      ${filters.essayId ? Prisma.sql`AND h."essayId" = ${filters.essayId}` : Prisma.empty}
      ${filters.authorId ? Prisma.sql`AND h."authorId" = ${filters.authorId}` : Prisma.empty} ${dateRange(Prisma.sql`h."createdAt"`, filters)}`;
}

interface Hit {
  kind: "essay" | "comment" | "highlight";
  id: string;
}

/**
 * The page's hits across the kinds asked for (each kind's best `limit`,
 * merged, then the page cut from them) and every kind's number of matches,
 * in one statement. A kind searched counts its matches with a window over
 * the rows it ranks anyway; a kind left out by the filter is counted on its
 * own. Counting in a second statement scanned every match twice: 13 ms more
 * for a word in 5,000 comments.
 */
async function findHits(search: SearchQuery, viewerId: string | null, filters: Filters, terms: Terms): Promise<{ hits: Hit[]; counts: SearchCounts }> {
  const limit = search.page * SEARCH_PAGE_SIZE + 1;
  const order = ORDER[search.sort];
  const kinds = [
    { kind: "essay", name: "essays", id: Prisma.sql`e.id`, vector: Prisma.sql`r."searchVector"`, at: Prisma.sql`r."createdAt"`, matches: filters.authorId ? null : essayMatches(terms, filters) },
    { kind: "comment", name: "comments", id: Prisma.sql`c.id::text`, vector: Prisma.sql`c."searchVector"`, at: Prisma.sql`c."createdAt"`, matches: commentMatches(terms, viewerId, filters) },
    { kind: "highlight", name: "highlights", id: Prisma.sql`h.id`, vector: Prisma.sql`h."searchVector"`, at: Prisma.sql`h."createdAt"`, matches: highlightMatches(terms, viewerId, filters) },
  ] as const;
  const ranked = kinds.filter((entry) => entry.matches && (search.kind === "all" || search.kind === entry.name));
  const hitsOf = (entry: (typeof kinds)[number]) => {
    const columns = Prisma.sql`${entry.kind}::text AS kind, ${entry.id} AS id, ts_rank(${WEIGHTS}, ${entry.vector}, q.query, 1) AS rank, ${entry.at} AS at`;
    return terms.broad
      ? Prisma.sql`SELECT *, count(*) OVER () AS total FROM (SELECT ${columns} ${entry.matches!} ORDER BY ${entry.at} DESC LIMIT ${BROAD_CANDIDATES}) newest ${order} LIMIT ${limit}`
      : Prisma.sql`SELECT ${columns}, count(*) OVER () AS total ${entry.matches!} ${order} LIMIT ${limit}`;
  };
  const table = (entry: (typeof kinds)[number]) => Prisma.raw(`${entry.name}_hits`);
  const countOf = (entry: (typeof kinds)[number]) => {
    if (!entry.matches) return Prisma.sql`0`;
    if (ranked.includes(entry)) return Prisma.sql`(SELECT least(coalesce(max(total), 0), ${COUNT_CAP})::int FROM ${table(entry)})`;
    return Prisma.sql`(SELECT count(*)::int FROM (SELECT 1 ${entry.matches} LIMIT ${COUNT_CAP}) m)`;
  };
  const page = ranked.length
    ? Prisma.sql`(SELECT coalesce(json_agg(json_build_object('kind', kind, 'id', id) ${order}), '[]'::json) FROM (
        SELECT * FROM (${Prisma.join(
          ranked.map((entry) => Prisma.sql`SELECT kind, id, rank, at FROM ${table(entry)}`),
          " UNION ALL ",
        )}) merged ${order} OFFSET ${(search.page - 1) * SEARCH_PAGE_SIZE} LIMIT ${SEARCH_PAGE_SIZE + 1}) page)`
    : Prisma.sql`'[]'::json`;
  const [row] = await queryRowsPlannedPerCall<{ hits: Hit[] } & SearchCounts>(Prisma.sql`
    ${
      ranked.length
        ? Prisma.sql`WITH ${Prisma.join(
            ranked.map((entry) => Prisma.sql`${table(entry)} AS (${hitsOf(entry)})`),
            ", ",
          )}`
        : Prisma.empty
    }
    SELECT ${page} AS hits, ${countOf(kinds[0])} AS essays, ${countOf(kinds[1])} AS comments, ${countOf(kinds[2])} AS highlights`);
  const { hits, ...counts } = row!;
  return { hits, counts };
}

// ts_headline marks the matched words with characters no text should carry
// (Unicode private use), stripped from the text first, so the page can mark
// them as React elements instead of trusting HTML from the database.
const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=40, MinWords=18, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
const WHOLE = `StartSel=${MARK_START}, StopSel=${MARK_END}, HighlightAll=true`;

function headline(column: Prisma.Sql, options: string): Prisma.Sql {
  return Prisma.sql`ts_headline(q.config, translate(${column}, ${MARK_START + MARK_END}, ''), q.query, ${options})`;
}

interface EssayRow {
  id: string;
  slug: string;
  title: string;
  snippet: string;
  at: Date;
}
interface CommentRow {
  id: number;
  slug: string;
  essayTitle: string;
  handle: string | null;
  name: string | null;
  snippet: string;
  at: Date;
}
interface HighlightRow {
  id: string;
  slug: string;
  essayTitle: string;
  handle: string;
  name: string;
  authorId: string;
  quote: string;
  note: string | null;
  tags: string[];
  visibility: "PUBLIC" | "PRIVATE";
  at: Date;
}

/** The page's hits with their snippets: ts_headline runs on these rows only, never on every match. */
async function describeHits(hits: Hit[], terms: Terms, viewerId: string | null): Promise<SearchResult[]> {
  const ids = (kind: Hit["kind"]) => hits.filter((hit) => hit.kind === kind).map((hit) => hit.id);
  const [essays, comments, highlights] = await Promise.all([
    ids("essay").length
      ? queryRowsPlannedPerCall<EssayRow>(Prisma.sql`
          SELECT e.id, e.slug, ${headline(Prisma.sql`r.title`, WHOLE)} AS title,
            ${headline(Prisma.sql`coalesce(r.dek || E'\n\n', '') || r.text`, HEADLINE)} AS snippet, r."createdAt" AS at
          FROM "Essay" e JOIN "EssayRevision" r ON r.id = e."currentRevisionId", ${termsTable(terms)}
          WHERE e.id = ANY(${ids("essay")}::text[])`)
      : [],
    ids("comment").length
      ? queryRowsPlannedPerCall<CommentRow>(Prisma.sql`
          SELECT c.id, e.slug, r.title AS "essayTitle", u.handle, u.name, ${headline(Prisma.sql`c.body`, HEADLINE)} AS snippet, c."createdAt" AS at
          FROM "Comment" c JOIN "Essay" e ON e.id = c."essayId" JOIN "EssayRevision" r ON r.id = e."currentRevisionId" LEFT JOIN "User" u ON u.id = c."authorId", ${termsTable(terms)}
          WHERE c.id = ANY(${ids("comment").map(Number)}::int[])`)
      : [],
    ids("highlight").length
      ? queryRowsPlannedPerCall<HighlightRow>(Prisma.sql`
          SELECT h.id, e.slug, r.title AS "essayTitle", u.handle, u.name, h."authorId", ${headline(Prisma.sql`h.exact`, WHOLE)} AS quote,
            CASE WHEN h.note IS NULL THEN NULL ELSE ${headline(Prisma.sql`h.note`, WHOLE)} END AS note, h.tags, h.visibility::text AS visibility, h."createdAt" AS at
          FROM "Highlight" h JOIN "Essay" e ON e.id = h."essayId" JOIN "EssayRevision" r ON r.id = e."currentRevisionId" JOIN "User" u ON u.id = h."authorId", ${termsTable(terms)}
          WHERE h.id = ANY(${ids("highlight")}::text[])`)
      : [],
  ]);
  const byKey = new Map<string, SearchResult>();
  for (const row of essays) {
    const title = snippetParts(row.title);
    const essay = { slug: row.slug, title: title.map((part) => part.text).join("") };
    byKey.set(`essay:${row.id}`, { kind: "essay", id: row.id, url: `/essays/${row.slug}`, essay, title, snippet: snippetParts(row.snippet), date: row.at.toISOString() });
  }
  for (const row of comments) {
    byKey.set(`comment:${row.id}`, {
      kind: "comment",
      id: row.id,
      url: `/essays/${row.slug}/comments/${row.id}`,
      essay: { slug: row.slug, title: row.essayTitle },
      author: row.handle && row.name ? { handle: row.handle, name: row.name } : null,
      snippet: snippetParts(row.snippet),
      date: row.at.toISOString(),
    });
  }
  for (const row of highlights) {
    byKey.set(`highlight:${row.id}`, {
      kind: "highlight",
      id: row.id,
      url: `/essays/${row.slug}#hl-${row.id}`,
      essay: { slug: row.slug, title: row.essayTitle },
      author: { handle: row.handle, name: row.name },
      quote: snippetParts(row.quote),
      note: row.note === null ? null : snippetParts(row.note),
      tags: row.tags,
      mine: row.authorId === viewerId,
      visibility: row.visibility === "PUBLIC" ? "public" : "private",
      date: row.at.toISOString(),
    });
  }
  // A hit deleted or hidden between the two queries is left out rather than shown stale.
  return hits.flatMap((hit) => byKey.get(`${hit.kind}:${hit.id}`) ?? []);
}

/** Readers like the words searched for: trigram similarity on handle and display name (pg_trgm's GIN indexes), banned and deleted accounts left out. */
async function findPeople(text: string): Promise<{ handle: string; name: string }[]> {
  const words = text.replace(/^@/, "").trim();
  if (words.length < 3 || words.length > 40 || /\s.*\s/.test(words)) return [];
  return queryRowsPlannedPerCall<{ handle: string; name: string }>(Prisma.sql`
    SELECT handle, name FROM "User"
    WHERE (handle % ${words.toLowerCase()} OR name % ${words}) AND standing <> 'BANNED' AND "deletedAt" IS NULL
    ORDER BY greatest(similarity(handle, ${words.toLowerCase()}), similarity(name, ${words})) DESC, handle
    LIMIT 5`);
}

/** The filters' ids, or what to tell the reader when a filter names an essay or reader that does not exist (or is not public). */
async function resolveFilters(search: SearchQuery): Promise<Filters | { notice: string }> {
  const handle = search.author?.replace(/^@/, "").toLowerCase() || null;
  const [essay, author] = await Promise.all([
    search.essay ? db.essay.findFirst({ where: { slug: search.essay, unpublishedAt: null }, select: { id: true } }) : null,
    handle ? db.user.findFirst({ where: { handle, deletedAt: null }, select: { id: true } }) : null,
  ]);
  if (search.essay && !essay) return { notice: "There is no essay with that address: choose one from the list." };
  if (handle && !author) return { notice: `No reader is called @${handle}.` };
  const until = search.to ? new Date(Date.parse(`${search.to}T00:00:00Z`) + 86_400_000) : null;
  return { essayId: essay?.id ?? null, authorId: author?.id ?? null, from: search.from ? new Date(`${search.from}T00:00:00Z`) : null, until };
}

/**
 * Searches essays (title, dek, body), comments, other readers' public
 * highlight notes and tags, and the viewer's own highlights, private ones
 * included. Only what the viewer could read on the site is found: never a
 * held, hidden or deleted comment (not even by its author or a moderator:
 * those are the review queue's), another reader's private highlight, a note
 * a moderator hid, or anything on an unpublished essay.
 */
export async function searchSite(search: SearchQuery, viewerId: string | null): Promise<SearchAnswer> {
  const text = search.q;
  if (!text) return EMPTY;
  const terms = await parseTerms(text);
  if (!terms) return { ...EMPTY, notice: "This search has too many minus signs or operators in a row: remove them and search again." };
  if (!terms.searchable) {
    return { ...EMPTY, notice: "Add a word to look for: a search made only of left-out words (-word) or punctuation finds nothing." };
  }
  const filters = await resolveFilters(search);
  if ("notice" in filters) return { ...EMPTY, notice: filters.notice, people: await findPeople(search.author ?? "") };
  const [{ hits, counts }, people] = await Promise.all([findHits(search, viewerId, filters, terms), search.page === 1 ? findPeople(text) : []]);
  const more = hits.length > SEARCH_PAGE_SIZE;
  return { results: await describeHits(hits.slice(0, SEARCH_PAGE_SIZE), terms, viewerId), counts, more, notice: null, people };
}
