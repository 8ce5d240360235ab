import type { EssayForReading } from "@/lib/essays/queries";
import { EssayMeta } from "./essay-meta";
import { TableOfContents } from "./table-of-contents";

/**
 * The essay as a server-rendered article. Every body block carries its id and
 * its [start, end) offsets into the revision's canonical text
 * (lib/essays/document.ts): the coordinate system highlights are stored in.
 */
export function EssayArticle({ essay, children, after }: { essay: EssayForReading; children?: React.ReactNode; after?: React.ReactNode }) {
  const headings = essay.blocks.filter((block) => block.kind === "heading");
  return (
    <div className="reader">
      <article className="essay" aria-labelledby="essay-title">
        <header className="essay__header">
          {essay.attribution && <p className="kicker">{essay.attribution}</p>}
          <h1 id="essay-title" className="essay__title">
            {essay.title}
          </h1>
          {essay.dek && <p className="essay__dek">{essay.dek}</p>}
          <EssayMeta byline={essay.byline} readingMinutes={essay.readingMinutes} />
          {essay.revisionCount > 1 && (
            <p className="essay__revision">
              <a href={`/essays/${essay.slug}/revisions`}>Revised: revision {essay.revisionCount}, see what changed</a>
            </p>
          )}
        </header>
        {headings.length > 0 && <TableOfContents headings={headings.map(({ id, text }) => ({ id, text }))} />}
        {children}
        <div className="essay__body" data-essay-body data-essay-id={essay.id} data-revision={essay.revisionId}>
          {essay.blocks.map((block) =>
            block.kind === "heading" ? (
              <h2 key={block.id} id={block.id} className="essay__section" data-block data-start={block.start} data-end={block.end}>
                {block.text}
              </h2>
            ) : (
              <p key={block.id} id={block.id} data-block data-start={block.start} data-end={block.end}>
                {block.text}
              </p>
            ),
          )}
        </div>
        <footer className="essay__footer">
          {essay.attribution && (
            <p className="essay__source">
              First published by <cite>{essay.attribution}</cite>.
            </p>
          )}
          <p className="essay__revision">Revision {essay.revisionNumber}</p>
        </footer>
        {after}
      </article>
    </div>
  );
}
