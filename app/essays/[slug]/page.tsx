import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache, Suspense } from "react";
import { DiscussionLoader, DiscussionPlaceholder } from "@/components/discussion/discussion-loader";
import { EssayArticle } from "@/components/essay/essay-article";
import { HighlightLayer } from "@/components/highlights/highlight-layer";
import { OrphanedHighlights } from "@/components/highlights/orphaned-highlights";
import { getViewer } from "@/lib/auth/viewer";
import { getEssayForReading } from "@/lib/essays/queries";
import { listHighlightsForEssay } from "@/lib/highlights/list-highlights";
import { latestEventId } from "@/lib/live/events";

export const dynamic = "force-dynamic";

const loadEssay = cache(getEssayForReading);

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const essay = await loadEssay((await params).slug);
  return essay ? { title: essay.title, description: essay.dek ?? undefined } : { title: "Essay not found" };
}

export default async function EssayPage({ params }: { params: Params }) {
  const essay = await loadEssay((await params).slug);
  if (!essay) notFound();
  const viewer = await getViewer();
  const viewerId = viewer?.id ?? null;
  // The event id first: anything that happens while the page loads is replayed by the stream.
  const lastEventId = await latestEventId(essay.id);
  // Only the orphans are rendered here; placed highlights load in the browser
  // and the discussion streams in after the article, so neither delays it.
  const orphans = await listHighlightsForEssay(essay.id, viewerId, { onlyOrphans: true });
  return (
    <>
      <EssayArticle essay={essay} after={<OrphanedHighlights highlights={orphans} />}>
        <HighlightLayer
          essayId={essay.id}
          revisionId={essay.revisionId}
          slug={essay.slug}
          viewer={viewer ? { handle: viewer.handle, name: viewer.name } : null}
          highlightsOpen={essay.highlightsOpen}
          commentsOpen={essay.commentsOpen}
          lastEventId={lastEventId}
        />
      </EssayArticle>
      <Suspense fallback={<DiscussionPlaceholder />}>
        <DiscussionLoader essayId={essay.id} slug={essay.slug} viewerId={viewerId} commentsOpen={essay.commentsOpen} lastEventId={lastEventId} />
      </Suspense>
    </>
  );
}
