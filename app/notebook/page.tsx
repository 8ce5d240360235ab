import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { NotebookEntry } from "@/components/notebook/notebook-entry";
import { signInHref } from "@/lib/auth/return-url";
import { getViewer } from "@/lib/auth/viewer";
import * as exportOps from "@/lib/exports/contracts.browser";
import { operationUrl } from "@/lib/http/contract";
import { HIGHLIGHT_COLOURS } from "@/lib/highlights/colours";
import { listNotebookFacets } from "@/lib/notebook/list-notebook-facets";
import { listNotebookHighlights, type NotebookEntry as Entry } from "@/lib/notebook/list-notebook-highlights";
import { notebookQuerySchema, type NotebookQuery } from "@/lib/notebook/schemas";
import "../notebook.css";

export const metadata: Metadata = { title: "Notebook" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The notebook's address with these query values (empty ones left out), so every filter, order and page is a link. */
function notebookHref(values: Partial<Record<keyof NotebookQuery, string | number | undefined>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== "") search.set(key, String(value));
  const text = search.toString();
  return text ? `/notebook?${text}` : "/notebook";
}

/** Consecutive entries of the same essay, for the grouped order. */
function byEssay(entries: Entry[]): { slug: string; title: string; entries: Entry[] }[] {
  const groups: { slug: string; title: string; entries: Entry[] }[] = [];
  for (const entry of entries) {
    const last = groups.at(-1);
    if (last?.slug === entry.essay.slug) last.entries.push(entry);
    else groups.push({ slug: entry.essay.slug, title: entry.essay.title, entries: [entry] });
  }
  return groups;
}

// The redirect is a convenience; the edits are authorised by their routes and the data is read for this reader only.
export default async function NotebookPage({ searchParams }: { searchParams: SearchParams }) {
  const viewer = await getViewer();
  if (!viewer) redirect(signInHref("/notebook"));
  const raw = Object.fromEntries(Object.entries(await searchParams).filter((pair): pair is [string, string] => typeof pair[1] === "string" && pair[1] !== ""));
  const parsed = notebookQuerySchema.safeParse(raw);
  const query: NotebookQuery = parsed.success ? parsed.data : {};
  const [page, facets] = await Promise.all([listNotebookHighlights(viewer.id, query), listNotebookFacets(viewer.id)]);
  const filters = { colour: query.colour, tag: query.tag, essay: query.essay, visibility: query.visibility };
  const filtered = Object.values(filters).some((value) => value !== undefined);
  const exportHref = (format: "markdown" | "csv" | "jsonld") => operationUrl(exportOps.exportMyNotes, undefined, { format, ...filters });
  const pageHref = (n: number) => notebookHref({ ...filters, sort: query.sort, page: n > 1 ? n : undefined });
  return (
    <section className="notebook-page">
      <h1>Notebook</h1>
      <p className="notebook-page__lede">Every passage you highlighted and every note you wrote, private ones included. Only you can see this page.</p>
      <form className="notebook-filters" method="get" action="/notebook" aria-label="Filter your highlights">
        <label>
          Colour
          <select name="colour" defaultValue={query.colour ?? ""}>
            <option value="">any</option>
            {HIGHLIGHT_COLOURS.map((colour) => (
              <option key={colour} value={colour}>
                {colour}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tag
          <select name="tag" defaultValue={query.tag ?? ""}>
            <option value="">any</option>
            {query.tag && !facets.tags.some((facet) => facet.tag === query.tag) && <option value={query.tag}>#{query.tag}</option>}
            {facets.tags.map((facet) => (
              <option key={facet.tag} value={facet.tag}>
                #{facet.tag} ({facet.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          Essay
          <select name="essay" defaultValue={query.essay ?? ""}>
            <option value="">all</option>
            {facets.essays.map((essay) => (
              <option key={essay.slug} value={essay.slug}>
                {essay.title} ({essay.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          Who can see
          <select name="visibility" defaultValue={query.visibility ?? ""}>
            <option value="">anyone</option>
            <option value="private">only me</option>
            <option value="public">public</option>
          </select>
        </label>
        <label>
          Order
          <select name="sort" defaultValue={query.sort ?? "newest"}>
            <option value="newest">newest first</option>
            <option value="essay">by essay</option>
          </select>
        </label>
        <button type="submit" className="button button--small">
          Show
        </button>
        {(filtered || query.sort) && <Link href="/notebook">Clear</Link>}
      </form>
      {!parsed.success && (
        <p className="form-message form-message--error" role="alert">
          Some filters were not valid and were ignored.
        </p>
      )}
      <div className="notebook-export">
        <p>
          <strong>Export {filtered ? "these highlights" : "everything"}:</strong>{" "}
          <a href={exportHref("markdown")} download>
            Markdown
          </a>
          {" · "}
          <a href={exportHref("csv")} download>
            CSV
          </a>
          {" · "}
          <a href={exportHref("jsonld")} download>
            Web Annotation (JSON-LD)
          </a>
        </p>
        <p className="notebook-export__hint">
          With your comments{filtered ? (query.colour || query.tag || query.visibility ? ", unless you filter by colour, tag or visibility" : " on this essay") : ""}. Markdown is ready for Obsidian.
        </p>
      </div>
      <p className="notebook-page__count" role="status">
        {page.total === 0 ? "" : `${page.total} highlight${page.total === 1 ? "" : "s"}${page.pageCount > 1 ? `, page ${page.page} of ${page.pageCount}` : ""}`}
      </p>
      {page.total === 0 ? (
        <p className="empty-state">{filtered ? "No highlights match these filters." : "Nothing here yet. Select words in an essay to highlight them; they gather here."}</p>
      ) : query.sort === "essay" ? (
        byEssay(page.entries).map((group) => (
          <section key={group.slug} className="notebook-group" aria-labelledby={`essay-${group.slug}`}>
            <h2 id={`essay-${group.slug}`}>
              <Link href={`/essays/${group.slug}`}>{group.title}</Link>
            </h2>
            <ol className="notebook-list">
              {group.entries.map((entry) => (
                <NotebookEntry key={entry.id} initial={entry} showEssay={false} />
              ))}
            </ol>
          </section>
        ))
      ) : (
        <ol className="notebook-list">
          {page.entries.map((entry) => (
            <NotebookEntry key={entry.id} initial={entry} showEssay />
          ))}
        </ol>
      )}
      {page.pageCount > 1 && (
        <nav className="notebook-pages" aria-label="Pages">
          {page.page > 1 && <Link href={pageHref(page.page - 1)}>← Previous</Link>}
          <span>
            Page {page.page} of {page.pageCount}
          </span>
          {page.page < page.pageCount && <Link href={pageHref(page.page + 1)}>Next →</Link>}
        </nav>
      )}
    </section>
  );
}
