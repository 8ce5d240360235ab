import Link from "next/link";
import { LocalTime } from "@/components/ui/local-time";
import type { SearchResult } from "@/lib/search/search-site";
import { MarkedText } from "./marked-text";

const DATE = { dateStyle: "medium" } as const;

function ResultMeta({ result }: { result: SearchResult }) {
  return (
    <p className="search-result__meta">
      {result.kind !== "essay" && (
        <>
          in <Link href={`/essays/${result.essay.slug}`}>{result.essay.title}</Link>
          {" · "}
          {result.author ? <Link href={`/u/${result.author.handle}`}>@{result.author.handle}</Link> : "[deleted account]"}
          {" · "}
        </>
      )}
      <LocalTime iso={result.date} options={DATE} />
    </p>
  );
}

function ResultBody({ result }: { result: SearchResult }) {
  switch (result.kind) {
    case "essay":
      return (
        <>
          <h2 className="search-result__title">
            <Link href={result.url}>
              <MarkedText parts={result.title} />
            </Link>
          </h2>
          <p className="search-result__snippet">
            <MarkedText parts={result.snippet} />
          </p>
        </>
      );
    case "comment":
      return (
        <>
          <h2 className="search-result__title">
            <Link href={result.url}>Comment by {result.author ? `@${result.author.handle}` : "a deleted account"}</Link>
          </h2>
          <p className="search-result__snippet">
            <MarkedText parts={result.snippet} />
          </p>
        </>
      );
    case "highlight":
      return (
        <>
          <h2 className="search-result__title">
            <Link href={result.url}>{result.mine ? "Your highlight" : `Highlight by @${result.author.handle}`}</Link>
            {result.visibility === "private" && <span className="search-result__private">Private: only you</span>}
          </h2>
          <blockquote className="search-result__quote">
            <MarkedText parts={result.quote} />
          </blockquote>
          {result.note && (
            <p className="search-result__snippet">
              <MarkedText parts={result.note} />
            </p>
          )}
          {result.tags.length > 0 && (
            <ul className="search-result__tags" aria-label="Tags">
              {result.tags.map((tag) => (
                <li key={tag}>#{tag}</li>
              ))}
            </ul>
          )}
        </>
      );
  }
}

const KIND_LABEL: Record<SearchResult["kind"], string> = { essay: "Essay", comment: "Comment", highlight: "Highlight" };

/** One page of search results, each linking to where it is read: the essay, the comment's permalink, or the passage. */
export function SearchResults({ results, firstNumber }: { results: SearchResult[]; firstNumber: number }) {
  return (
    <ol className="search-results" start={firstNumber}>
      {results.map((result) => (
        <li key={`${result.kind}-${result.id}`} className={`search-result search-result--${result.kind}`} data-testid="search-result">
          <p className="search-result__kind">{KIND_LABEL[result.kind]}</p>
          <ResultBody result={result} />
          <ResultMeta result={result} />
        </li>
      ))}
    </ol>
  );
}
