import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { TagLinks } from "@/components/highlights/tag-links";
import { listTaggedHighlights } from "@/lib/highlights/list-tagged-highlights";
import { tagFromPathSegment } from "@/lib/highlights/tags";
import "../../notebook.css";

export const dynamic = "force-dynamic";

type Params = Promise<{ tag: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function tagOf(param: string): string {
  return tagFromPathSegment(param) ?? notFound();
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const tag = tagFromPathSegment((await params).tag);
  return { title: tag ? `#${tag}` : "Tag not found" };
}

/** Readers' public highlights tagged with one tag, newest first, each linking to its passage. */
export default async function TagPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const tag = tagOf((await params).tag);
  const pageParam = (await searchParams).page;
  const page = typeof pageParam === "string" && /^[1-9][0-9]{0,5}$/.test(pageParam) ? Number(pageParam) : 1;
  const { highlights, hasMore } = await listTaggedHighlights(tag, page);
  const href = (n: number) => `/tags/${encodeURIComponent(tag)}${n > 1 ? `?page=${n}` : ""}`;
  return (
    <section className="tag-page">
      <h1>#{tag}</h1>
      <p className="tag-page__lede">Public highlights readers tagged #{tag}, newest first.</p>
      {highlights.length === 0 ? (
        <p className="empty-state">{page > 1 ? "No more highlights with this tag." : "No public highlight has this tag yet."}</p>
      ) : (
        <ol className="tag-page__list">
          {highlights.map((highlight) => (
            <li key={highlight.id} className={`notebook-entry notebook-entry--${highlight.colour}`}>
              <blockquote className="notebook-entry__quote">{highlight.exact}</blockquote>
              {highlight.note && <p className="notebook-entry__note">{highlight.note}</p>}
              {highlight.noteHidden && <p className="notebook-entry__meta">Note hidden by the moderators.</p>}
              <TagLinks tags={highlight.tags} visibility="public" />
              <p className="tag-page__source">
                <Link href={`/u/${highlight.author.handle}`}>{highlight.author.name}</Link> in{" "}
                <Link href={`/essays/${highlight.essay.slug}${highlight.orphaned ? "" : `#hl-${highlight.id}`}`}>{highlight.essay.title}</Link>
                {highlight.orphaned && " (its passage has since changed)"}
                {" · "}
                <time dateTime={highlight.createdAt}>{new Date(highlight.createdAt).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })}</time>
              </p>
            </li>
          ))}
        </ol>
      )}
      {(page > 1 || hasMore) && (
        <nav className="notebook-pages" aria-label="Pages">
          {page > 1 && <Link href={href(page - 1)}>← Newer</Link>}
          {hasMore && <Link href={href(page + 1)}>Older →</Link>}
        </nav>
      )}
    </section>
  );
}
