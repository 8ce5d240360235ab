import { countThreads, loadDiscussion } from "@/lib/comments/queries";
import { DiscussionSection } from "./discussion-section";

interface Props {
  essayId: string;
  slug: string;
  viewerId: string | null;
  commentsOpen: boolean;
  lastEventId: number;
}

/**
 * The first page of the essay's general discussion, loaded on the server
 * (passage threads are counted here and load when their tab opens). The
 * essay page renders it inside a Suspense boundary, so the article streams
 * to the reader first however large the discussion is.
 */
export async function DiscussionLoader({ essayId, slug, viewerId, commentsOpen, lastEventId }: Props) {
  const [general, passageThreads] = await Promise.all([loadDiscussion(essayId, viewerId, { sort: "top", highlightId: null }), countThreads(essayId, viewerId, "*")]);
  return <DiscussionSection essayId={essayId} slug={slug} signedIn={viewerId !== null} commentsOpen={commentsOpen} general={general} passageThreads={passageThreads} lastEventId={lastEventId} />;
}

/** What stands in for the discussion while it streams in. */
export function DiscussionPlaceholder() {
  return (
    <section className="discussion-section" id="discussion" aria-busy="true">
      <h2>Discussion</h2>
      <p className="discussion__loading">Loading the discussion…</p>
    </section>
  );
}
