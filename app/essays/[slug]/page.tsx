import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache, Suspense } from "react";
import { DiscussionPlaceholder, DiscussionSection } from "@/components/discussion/discussion-section";
import { EssayArticle } from "@/components/essay/essay-article";
import { EarlyHighlightPaint } from "@/components/highlights/early-highlight-paint";
import { HighlightLayer } from "@/components/highlights/highlight-layer";
import { OrphanedHighlights } from "@/components/highlights/orphaned-highlights";
import { EssayModerationTools } from "@/components/moderation/inline/essay-moderation-tools";
import { annotationIris } from "@/lib/annotations/web-annotation";
import { getViewer, hasRole } from "@/lib/auth/viewer";
import { loadDiscussionOverview } from "@/lib/comments/load-discussion-overview";
import { getEssayForReading } from "@/lib/essays/queries";
import { listHighlightsForEssay } from "@/lib/highlights/list-highlights";
import { passagesWithThreadsBy } from "@/lib/highlights/passages-with-threads-by";
import { loadFirstPaint } from "@/lib/highlights/load-first-paint";
import { latestEventId } from "@/lib/live/events";
import { loadPassageState } from "@/lib/passages/load-passage-state";
import { socialMetadata } from "@/lib/site/metadata";

export const dynamic = "force-dynamic";

const loadEssay = cache(getEssayForReading);

/** How long the article streams ahead of the highlights and the discussion (see below). */
const ARTICLE_HEAD_START_MS = 10;

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const essay = await loadEssay((await params).slug);
  if (!essay) return { title: "Essay not found" };
  const path = `/essays/${essay.slug}`;
  const description = essay.dek ?? undefined;
  return {
    title: essay.title,
    description,
    alternates: { canonical: path },
    ...socialMetadata({ title: essay.title, description, path, type: "article" }),
  };
}

export default async function EssayPage({ params }: { params: Params }) {
  const essay = await loadEssay((await params).slug);
  if (!essay) notFound();
  const viewer = await getViewer();
  const viewerId = viewer?.id ?? null;
  // The event id first: anything that happens while the page loads is replayed by the stream.
  const lastEventId = await latestEventId(essay.id);
  // Only the orphans are rendered with the article; what depends on how many
  // readers came (the highlights' first paint, the discussion's first screen)
  // streams after it, so the article's first byte costs the same however many.
  const orphans = await listHighlightsForEssay(essay.id, viewerId, { onlyOrphans: true });
  // Whoever started a discussion on a lost public passage may re-attach it (lib/highlights/reattach-highlight.ts).
  const threadsStarted =
    viewerId && orphans.some((orphan) => orphan.visibility === "public" && !orphan.mine)
      ? await passagesWithThreadsBy(
          viewerId,
          orphans.map((orphan) => orphan.id),
        )
      : new Set<string>();
  // An inline script paints it as it arrives, and the highlight layer keeps it
  // painted from hydration until the full list (with notes and counts)
  // arrives; a failure only costs that head start. Signed out, both reads are
  // shared by every reader at the same event position.
  //
  // Both wait until the article has gone out: when their answers were ready
  // before it was, React rendered them into the first flush, and reading and
  // rendering them is CPU (for bench:threads' 50,000 comments and 5,000
  // highlights, ~30 ms), so the article's first byte came after 30.6 / 78.4
  // ms p50 / p95 (shared reads: 61 / 83) against 20.2 / 31.3 for the same
  // essay with nothing on it. After a 10 ms head start: 20.7 / 29.9 against
  // 21.5 / 34.6. (Next needs several turns of the event loop from the page's
  // return to the shell's flush, so a zero delay was no head start at all.)
  const afterArticle = new Promise<void>((resolve) => setTimeout(resolve, ARTICLE_HEAD_START_MS));
  const firstPaint = afterArticle.then(() => loadFirstPaint(essay.id, essay.revisionId, viewerId, lastEventId)).catch(() => ({ own: [], density: [] }));
  const discussion = afterArticle.then(() => loadDiscussionOverview(essay.id, viewerId, lastEventId)).catch(() => null);
  // Passage controls and the editors' switch, for the notices where readers write (and staff's passage tools).
  const passages = afterArticle
    .then(async () => ({
      ...(await loadPassageState(essay.id)),
      staff: viewer && hasRole(viewer, "MODERATOR") ? ("moderator" as const) : viewer && hasRole(viewer, "EDITOR") ? ("editor" as const) : null,
    }))
    // The server enforces the controls whatever the page shows: a failed read costs only the notices.
    .catch(() => ({ controls: [], publicHighlightsOpen: true, staff: null }));
  return (
    <>
      {/* Where annotation clients find this essay's W3C annotation container (React puts a <link> in the head); proxy.ts sends the same as a Link header. */}
      <link rel="http://www.w3.org/ns/oa#annotationService" href={annotationIris.container("", essay.slug)} />
      <EssayArticle
        essay={essay}
        after={
          <OrphanedHighlights
            highlights={orphans}
            canReattachPublic={viewer !== null && hasRole(viewer, "EDITOR")}
            threadsStarted={threadsStarted}
            discussion={{ essayId: essay.id, slug: essay.slug, signedIn: viewer !== null, commentsOpen: essay.commentsOpen, lastEventId }}
          />
        }
      >
        <Suspense fallback={null}>
          <HighlightLayer
            firstPaint={firstPaint}
            essayId={essay.id}
            revisionId={essay.revisionId}
            slug={essay.slug}
            viewer={viewer ? { handle: viewer.handle, name: viewer.name } : null}
            highlightsOpen={essay.highlightsOpen}
            commentsOpen={essay.commentsOpen}
            lastEventId={lastEventId}
            passages={passages}
          />
        </Suspense>
      </EssayArticle>
      {/* After the article in the document, inline or streamed, so the essay body is parsed before the script looks for it. */}
      <Suspense fallback={null}>
        <EarlyHighlightPaint first={firstPaint} />
      </Suspense>
      {/* Moderators' tools on each comment and note: their extras stream in beside the page, for them alone. */}
      <Suspense fallback={null}>
        <EssayModerationTools viewer={viewer} essayId={essay.id} />
      </Suspense>
      <Suspense fallback={<DiscussionPlaceholder />}>
        <DiscussionSection first={discussion} essayId={essay.id} slug={essay.slug} signedIn={viewer !== null} commentsOpen={essay.commentsOpen} lastEventId={lastEventId} />
      </Suspense>
    </>
  );
}
