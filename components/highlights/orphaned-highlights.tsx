import type { HighlightView } from "@/lib/highlights/view";

/**
 * Highlights that could not be placed in the current revision: kept, with
 * the words they were made on, shown to their owner and (public ones) to
 * everyone. Never silently dropped.
 */
export function OrphanedHighlights({ highlights }: { highlights: HighlightView[] }) {
  if (highlights.length === 0) return null;
  return (
    <section className="orphans" aria-labelledby="orphans-heading">
      <h2 id="orphans-heading">Orphaned highlights</h2>
      <p className="orphans__why">The essay has changed since these were made, and their passages could not be found with confidence in this version. They are kept as they were.</p>
      <ol>
        {highlights.map((highlight) => (
          <li key={highlight.id} id={`hl-${highlight.id}`} className={`orphan orphan--${highlight.colour}`}>
            <blockquote>{highlight.exact}</blockquote>
            <p className="orphan__meta">
              {highlight.mine ? "Your highlight" : <a href={`/u/${highlight.author.handle}`}>{highlight.author.name}</a>}
              {highlight.visibility === "private" ? " · only you" : ""}
              {highlight.note ? ` · “${highlight.note}”` : ""}
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
