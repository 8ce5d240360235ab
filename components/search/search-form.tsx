import type { SearchQuery } from "@/lib/search/schemas";

/** The search page's form: a GET to /search, so every search is a link and works without JavaScript. */
export function SearchForm({ search, essays, errors }: { search: Partial<SearchQuery>; essays: { slug: string; title: string }[]; errors: Record<string, string[]> }) {
  const filtersOpen = Boolean(search.essay || search.author || search.from || search.to || (search.kind && search.kind !== "all") || (search.sort && search.sort !== "relevance"));
  const error = (field: string) =>
    errors[field]?.[0] ? (
      <span className="field-error" id={`search-${field}-error`}>
        {errors[field][0]}
      </span>
    ) : null;
  const described = (field: string) => (errors[field]?.[0] ? { "aria-invalid": true, "aria-describedby": `search-${field}-error` } : {});
  return (
    <form action="/search" method="get" role="search" className="search-form" aria-label="Search with filters">
      <div className="search-form__box">
        <label htmlFor="search-q" className="visually-hidden">
          Search for
        </label>
        <input id="search-q" name="q" type="search" defaultValue={search.q ?? ""} placeholder="Words, “a phrase”, -left-out" maxLength={200} enterKeyHint="search" {...described("q")} />
        <button type="submit" className="button">
          Search
        </button>
      </div>
      {error("q")}
      <details className="search-form__filters" open={filtersOpen}>
        <summary>Filters and order</summary>
        <div className="search-form__grid">
          <label>
            Show
            <select name="kind" defaultValue={search.kind ?? "all"}>
              <option value="all">Everything</option>
              <option value="essays">Essays</option>
              <option value="comments">Comments</option>
              <option value="highlights">Highlights and notes</option>
            </select>
          </label>
          <label>
            Essay
            <select name="essay" defaultValue={search.essay ?? ""} {...described("essay")}>
              <option value="">All essays</option>
              {essays.map((essay) => (
                <option key={essay.slug} value={essay.slug}>
                  {essay.title}
                </option>
              ))}
            </select>
            {error("essay")}
          </label>
          <label>
            Author
            <input name="author" defaultValue={search.author ?? ""} placeholder="@handle" autoComplete="off" {...described("author")} />
            {error("author")}
          </label>
          <label>
            From
            <input name="from" type="date" defaultValue={search.from ?? ""} {...described("from")} />
            {error("from")}
          </label>
          <label>
            To
            <input name="to" type="date" defaultValue={search.to ?? ""} {...described("to")} />
            {error("to")}
          </label>
          <label>
            Order
            <select name="sort" defaultValue={search.sort ?? "relevance"}>
              <option value="relevance">Best match</option>
              <option value="newest">Newest first</option>
            </select>
          </label>
        </div>
      </details>
    </form>
  );
}
