import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { safeParse } from "zod/mini";
import { SearchForm } from "@/components/search/search-form";
import { SearchResults } from "@/components/search/search-results";
import { getViewer } from "@/lib/auth/viewer";
import { isAppError } from "@/lib/errors";
import { validationError } from "@/lib/http/respond";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { listEssayChoices } from "@/lib/search/list-essay-choices";
import { runSearch } from "@/lib/search/run-search";
import { SEARCH_MAX_PAGE, SEARCH_PAGE_SIZE, searchQuerySchema, type SearchQuery } from "@/lib/search/schemas";
import { COUNT_CAP, type SearchAnswer, type SearchCounts } from "@/lib/search/search-site";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const q = (await searchParams).q;
  return { title: typeof q === "string" && q.trim() ? `“${q.trim().slice(0, 60)}”: search` : "Search", robots: { index: false } };
}

const count = (value: number) => (value >= COUNT_CAP ? `${COUNT_CAP.toLocaleString("en")}+` : value.toLocaleString("en"));

function hrefWith(search: SearchQuery, change: Partial<SearchQuery>): string {
  const merged = { ...search, ...change };
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(merged)) {
    if (value === undefined || value === "" || (key === "kind" && value === "all") || (key === "sort" && value === "relevance") || (key === "page" && value === 1)) continue;
    params.set(key, String(value));
  }
  return `/search?${params}`;
}

function KindTabs({ search, counts }: { search: SearchQuery; counts: SearchCounts }) {
  const kinds = [
    ["essays", "Essays"],
    ["comments", "Comments"],
    ["highlights", "Highlights"],
  ] as const;
  return (
    <nav className="search-kinds" aria-label="Kinds of result">
      <Link href={hrefWith(search, { kind: "all", page: 1 })} aria-current={search.kind === "all" ? "page" : undefined}>
        All
      </Link>
      {kinds.map(([kind, label]) => (
        <Link key={kind} href={hrefWith(search, { kind, page: 1 })} aria-current={search.kind === kind ? "page" : undefined}>
          {label} <span className="search-kinds__count">{count(counts[kind])}</span>
        </Link>
      ))}
    </nav>
  );
}

/** /search: essays, comments and highlights the reader may see, found by PostgreSQL full-text search (lib/search). */
export default async function SearchPage({ searchParams }: { searchParams: SearchParams }) {
  const raw = Object.fromEntries(Object.entries(await searchParams).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""));
  const parsed = safeParse(searchQuerySchema, raw);
  const [viewer, essays] = await Promise.all([getViewer(), listEssayChoices()]);
  const errors = parsed.success ? {} : (validationError(parsed.error).fieldErrors ?? {});
  let answer: SearchAnswer | null = null;
  let refusal: string | null = null;
  if (parsed.success && parsed.data.q) {
    try {
      answer = await runSearch(parsed.data, viewer?.id ?? null, clientIp(await headers()));
    } catch (error) {
      // Too many searches (429): said on the page, with the form kept.
      if (!isAppError(error) || error.status !== 429) throw error;
      refusal = error.message;
    }
  }
  const search = parsed.success ? parsed.data : null;
  return (
    <section className="search-page">
      <h1>Search</h1>
      <SearchForm search={search ?? (raw as Partial<SearchQuery>)} essays={essays} errors={errors} />
      {!search?.q && !refusal && Object.keys(errors).length === 0 && (
        <p className="search-page__help">
          Search essays, comments, readers’ public notes{viewer ? " and all your own highlights, private ones included" : ""}. Put “a phrase” in quotes, -word to leave a word out, or <kbd>or</kbd> for
          either.
        </p>
      )}
      {refusal && (
        <p className="search-page__notice" role="alert">
          {refusal}
        </p>
      )}
      {search && answer && (
        <div className="search-page__answer" aria-live="polite">
          {answer.notice ? (
            <p className="search-page__notice" role="status">
              {answer.notice}
            </p>
          ) : (
            <>
              <KindTabs search={search} counts={answer.counts} />
              {answer.people.length > 0 && (
                <p className="search-people">
                  Readers:{" "}
                  {answer.people.map((person, index) => (
                    <span key={person.handle}>
                      {index > 0 && ", "}
                      <Link href={`/u/${person.handle}`}>@{person.handle}</Link> ({person.name})
                    </span>
                  ))}
                </p>
              )}
              {answer.results.length === 0 ? (
                <p className="empty-state" role="status">
                  Nothing found for “{search.q}”{search.page > 1 ? " on this page" : ""}. Try fewer words, another spelling, or fewer filters.
                </p>
              ) : (
                <SearchResults results={answer.results} firstNumber={(search.page - 1) * SEARCH_PAGE_SIZE + 1} />
              )}
              {(search.page > 1 || (answer.more && search.page < SEARCH_MAX_PAGE)) && (
                <nav className="search-pages" aria-label="Result pages">
                  {search.page > 1 && (
                    <Link href={hrefWith(search, { page: search.page - 1 })} rel="prev">
                      ← Previous
                    </Link>
                  )}
                  <span>Page {search.page}</span>
                  {answer.more && search.page < SEARCH_MAX_PAGE && (
                    <Link href={hrefWith(search, { page: search.page + 1 })} rel="next">
                      Next →
                    </Link>
                  )}
                </nav>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}
