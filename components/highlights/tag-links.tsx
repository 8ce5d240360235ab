import Link from "next/link";

/**
 * A highlight's tags as links: to the tag's page of public highlights when
 * the highlight is public, to the reader's notebook filtered by the tag when
 * it is private (a private highlight is on no public page). No client code,
 * so server pages and the highlight panel render it alike.
 */
export function TagLinks({ tags, visibility }: { tags: readonly string[]; visibility: "private" | "public" }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tag-links" aria-label="Tags">
      {tags.map((tag) => (
        <li key={tag}>
          <Link className="tag-link" href={visibility === "public" ? `/tags/${encodeURIComponent(tag)}` : `/notebook?tag=${encodeURIComponent(tag)}`}>
            #{tag}
          </Link>
        </li>
      ))}
    </ul>
  );
}
