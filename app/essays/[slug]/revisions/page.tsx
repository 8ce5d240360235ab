import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import "@/app/editor.css";
import { WordDiff } from "@/components/essay/word-diff";
import { LocalTime } from "@/components/ui/local-time";
import { compareRevisions } from "@/lib/essays/compare-revisions";
import { listEssayRevisions } from "@/lib/essays/list-essay-revisions";
import { AppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Revision history" };
export const dynamic = "force-dynamic";

type Search = Promise<{ from?: string; to?: string }>;

const revisionNumber = (value: string | undefined, fallback: number) => (value && /^\d{1,6}$/.test(value) ? Number(value) : fallback);

/** Every revision of an essay, with who published it and when, and a word-level comparison of any two. Public. */
export default async function RevisionsPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Search }) {
  const { slug } = await params;
  const history = await listEssayRevisions({ slug }).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const newest = history.revisions[0]!.number;
  const query = await searchParams;
  const to = revisionNumber(query.to, newest);
  const from = revisionNumber(query.from, Math.max(1, to - 1));
  const comparison =
    from !== to && history.revisions.some((revision) => revision.number === from) && history.revisions.some((revision) => revision.number === to) ? await compareRevisions({ slug }, from, to) : null;
  return (
    <section className="revisions-page">
      <p>
        <Link href={`/essays/${slug}`}>← {history.title}</Link>
      </p>
      <h1>Revision history</h1>
      <ol className="revision-list" reversed>
        {history.revisions.map((revision) => (
          <li key={revision.number} className="revision-list__item">
            <strong>Revision {revision.number}</strong>
            {revision.current && <span className="chip"> current</span>} · <LocalTime iso={revision.createdAt} />
            {revision.editor ? (
              <>
                {" "}
                · by <Link href={`/u/${revision.editor.handle}`}>{revision.editor.name}</Link>
              </>
            ) : null}{" "}
            · {revision.words.toLocaleString("en")} words
            {revision.note && <p className="revision-list__note">{revision.note}</p>}
          </li>
        ))}
      </ol>
      {history.revisions.length > 1 && (
        <form className="revision-compare" method="get">
          <label>
            Compare revision
            <select name="from" defaultValue={from}>
              {history.revisions.map((revision) => (
                <option key={revision.number} value={revision.number}>
                  {revision.number}
                </option>
              ))}
            </select>
          </label>
          <label>
            with
            <select name="to" defaultValue={to}>
              {history.revisions.map((revision) => (
                <option key={revision.number} value={revision.number}>
                  {revision.number}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button button--small">
            Compare
          </button>
        </form>
      )}
      {!comparison && history.revisions.length > 1 && (
        <p className="settings-hint">{from === to ? "Choose two different revisions to compare." : "This essay has no such revision: choose one from the lists."}</p>
      )}
      {comparison && (
        <section className="revision-diff" aria-labelledby="diff-heading">
          <h2 id="diff-heading">
            Revision {comparison.from} → {comparison.to}: {comparison.added.toLocaleString("en")} {comparison.added === 1 ? "word" : "words"} added, {comparison.removed.toLocaleString("en")} removed
          </h2>
          {comparison.title.some((part) => part.op !== "same") && (
            <p className="revision-diff__title">
              Title: <WordDiff parts={comparison.title} />
            </p>
          )}
          {comparison.dek.some((part) => part.op !== "same") && (
            <p className="revision-diff__title">
              Standfirst: <WordDiff parts={comparison.dek} />
            </p>
          )}
          {comparison.blocks.map((block, index) =>
            block.change === "same" ? null : (
              <div key={index} className={`revision-diff__block revision-diff__block--${block.change}`}>
                <span className="revision-diff__label">{block.change === "changed" ? "Changed" : block.change === "added" ? "Added" : "Removed"}</span>
                {block.kind === "heading" ? (
                  <h3>
                    <WordDiff parts={block.parts} />
                  </h3>
                ) : (
                  <p>
                    <WordDiff parts={block.parts} />
                  </p>
                )}
              </div>
            ),
          )}
          {comparison.blocks.every((block) => block.change === "same") && <p>The body is the same in both revisions.</p>}
        </section>
      )}
    </section>
  );
}
