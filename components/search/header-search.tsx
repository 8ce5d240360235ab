/**
 * The header's search: a plain GET form to /search, so it works before any
 * JavaScript has loaded. On a phone the box gives way to a link to the search
 * page, whose own box is the full width of the screen.
 */
export function HeaderSearch() {
  return (
    <>
      <form action="/search" method="get" role="search" className="header-search" aria-label="Site search">
        <label htmlFor="header-search-q" className="visually-hidden">
          Search essays, comments and highlights
        </label>
        <input id="header-search-q" name="q" type="search" placeholder="Search" autoComplete="off" enterKeyHint="search" maxLength={200} />
      </form>
      <a href="/search" className="header-search-link" aria-label="Search">
        <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
          <circle cx="11" cy="11" r="6.5" />
          <path d="m16 16 4.5 4.5" />
        </svg>
      </a>
    </>
  );
}
