import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="wordmark" aria-label="Glossa, home">
          Glossa
        </Link>
        <nav aria-label="Site" className="site-nav">
          <Link href="/">Essays</Link>
        </nav>
      </div>
    </header>
  );
}
