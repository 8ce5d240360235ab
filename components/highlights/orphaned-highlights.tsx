import { PassageDiscussion } from "@/components/discussion/passage-discussion";
import type { HighlightView } from "@/lib/highlights/view";
import { ReattachButton } from "./reattach-button";

interface Props {
  highlights: HighlightView[];
  /** Editors and moderators may re-attach any public highlight; everyone may re-attach their own. */
  canReattachPublic: boolean;
  /** The highlights on which the viewer started a thread: they may re-attach those too. */
  threadsStarted: ReadonlySet<string>;
  discussion: { essayId: string; slug: string; signedIn: boolean; commentsOpen: boolean; lastEventId: number };
}

function Orphan({ highlight, canReattach, discussion }: { highlight: HighlightView; canReattach: boolean; discussion: Props["discussion"] | null }) {
  return (
    <li id={`hl-${highlight.id}`} className={`orphan orphan--${highlight.colour}`}>
      <blockquote>{highlight.exact}</blockquote>
      <p className="orphan__meta">
        {highlight.mine ? "Your highlight" : <a href={`/u/${highlight.author.handle}`}>{highlight.author.name}</a>}
        {highlight.visibility === "private" ? " · only you" : ""}
        {highlight.note ? ` · “${highlight.note}”` : ""}
        {canReattach && (
          <>
            {" · "}
            <ReattachButton highlightId={highlight.id} />
          </>
        )}
      </p>
      {discussion && (
        <details className="orphan__discussion">
          <summary>{highlight.commentCount === 1 ? "1 comment" : `${highlight.commentCount} comments`}</summary>
          <PassageDiscussion {...discussion} highlightId={highlight.id} />
        </details>
      )}
    </li>
  );
}

/**
 * Highlights that could not be placed in the current revision: kept, with
 * the words they were made on, shown to their owner and (public ones) to
 * everyone, never silently dropped. Those carrying discussions are listed
 * first, under their own heading, and stay readable; their owner (and, for
 * public ones, editors and moderators, or whoever started a thread on it)
 * can re-attach them to the passage's new words.
 */
export function OrphanedHighlights({ highlights, canReattachPublic, threadsStarted, discussion }: Props) {
  if (highlights.length === 0) return null;
  const discussed = highlights.filter((highlight) => highlight.commentCount > 0);
  const quiet = highlights.filter((highlight) => highlight.commentCount === 0);
  const canReattach = (highlight: HighlightView) => highlight.mine || (highlight.visibility === "public" && (canReattachPublic || threadsStarted.has(highlight.id)));
  return (
    <section className="orphans" aria-labelledby="orphans-heading">
      <h2 id="orphans-heading">{discussed.length > 0 ? "Discussions on removed passages" : "Orphaned highlights"}</h2>
      <p className="orphans__why">The essay has changed since these were made, and their passages could not be found with confidence in this version. They are kept as they were.</p>
      {discussed.length > 0 && (
        <ol>
          {discussed.map((highlight) => (
            <Orphan key={highlight.id} highlight={highlight} canReattach={canReattach(highlight)} discussion={discussion} />
          ))}
        </ol>
      )}
      {discussed.length > 0 && quiet.length > 0 && <h3>Orphaned highlights</h3>}
      {quiet.length > 0 && (
        <ol>
          {quiet.map((highlight) => (
            <Orphan key={highlight.id} highlight={highlight} canReattach={canReattach(highlight)} discussion={null} />
          ))}
        </ol>
      )}
    </section>
  );
}
