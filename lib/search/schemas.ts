import * as z from "zod/mini";
import { unstorableTextPath } from "@/lib/http/storable-text";

/** What can be searched for: essays, comments, highlights (with their notes), or all three. */
export const SEARCH_KINDS = ["all", "essays", "comments", "highlights"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Best match first, or newest first. */
const SEARCH_SORTS = ["relevance", "newest"] as const;

/** Results per page. */
export const SEARCH_PAGE_SIZE = 20;
/** The last page offered: past 25 pages of 20, a reader narrows the search instead (and deep offsets are what make search slow). */
export const SEARCH_MAX_PAGE = 25;

/** A calendar date, YYYY-MM-DD, that exists: 2026-02-31 is refused, not read as 3 March. */
const isoDate = (message: string) =>
  z.optional(
    z.string().check(
      z.regex(/^\d{4}-\d{2}-\d{2}$/, message),
      z.refine((value) => {
        const date = new Date(`${value}T00:00:00Z`);
        return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
      }, message),
    ),
  );

/**
 * A search as the URL carries it (`/search?q=…` and GET /api/search). `q`
 * uses web search syntax: words, "a quoted phrase", `-word` to leave out,
 * `or`. An empty `q` with no filter is a blank search page, not an error.
 */
export const searchQuerySchema = z.object({
  // The page parses its URL with this alone (the API also refuses such text before it): a NUL reaching PostgreSQL was a 500.
  q: z._default(
    z.string().check(
      z.trim(),
      z.maxLength(200, "A search can be at most 200 characters: shorten it."),
      z.refine((text) => unstorableTextPath(text) === null, "A search cannot contain NUL characters or unpaired surrogates: remove them."),
    ),
    "",
  ),
  kind: z._default(z.enum(SEARCH_KINDS, { error: "Search essays, comments, highlights or all." }), "all"),
  essay: z.optional(z.string().check(z.trim(), z.regex(/^$|^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Choose an essay from the list."))),
  author: z.optional(z.string().check(z.trim(), z.regex(/^$|^@?[a-zA-Z0-9_-]{1,30}$/, "An author is a handle, like @ada."))),
  from: isoDate("Give the first date as YYYY-MM-DD."),
  to: isoDate("Give the last date as YYYY-MM-DD."),
  sort: z._default(z.enum(SEARCH_SORTS, { error: "Sort by relevance or newest." }), "relevance"),
  page: z._default(
    z.pipe(
      z.pipe(z.string().check(z.regex(/^[1-9][0-9]{0,2}$/, "The page is a whole number from 1.")), z.transform(Number)),
      z.number().check(z.maximum(SEARCH_MAX_PAGE, `Only the first ${SEARCH_MAX_PAGE} pages are shown: add a word or a filter to narrow the search.`)),
    ),
    1,
  ),
});

/** A parsed search. */
export type SearchQuery = z.output<typeof searchQuerySchema>;
