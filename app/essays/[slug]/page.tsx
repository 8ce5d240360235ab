import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { preload } from "react-dom";
import { DiscussionSection } from "@/components/discussion/discussion-section";
import { EssayArticle } from "@/components/essay/essay-article";
import { HighlightLayer } from "@/components/highlights/highlight-layer";
import { OrphanedHighlights } from "@/components/highlights/orphaned-highlights";
import { getViewer } from "@/lib/auth/viewer";
import { getDiscussion } from "@/lib/comments/contracts";
import { listHighlights } from "@/lib/highlights/contracts";
import { operationUrl } from "@/lib/http/contract";
import { getEssayForReading } from "@/lib/essays/queries";
import { listHighlightsForEssay } from "@/lib/highlights/list-highlights";
import { latestEventId } from "@/lib/live/events";
import { socialMetadata } from "@/lib/site/metadata";

export const dynamic = "force-dynamic";

const loadEssay = cache(getEssayForReading);

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
  // Only the orphans are rendered here; placed highlights and the discussion
  // load in the browser, so however many there are, the page costs the same.
  const orphans = await listHighlightsForEssay(essay.id, viewerId, { onlyOrphans: true });
  // The two reads the page makes once hydrated start while its HTML is still
  // being parsed: the browser hands the preloaded answers to those fetches.
  for (const url of [operationUrl(listHighlights, { essayId: essay.id }), operationUrl(getDiscussion, { essayId: essay.id })]) preload(url, { as: "fetch", crossOrigin: "anonymous" });
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
      <DiscussionSection essayId={essay.id} slug={essay.slug} signedIn={viewer !== null} commentsOpen={essay.commentsOpen} lastEventId={lastEventId} />
    </>
  );
}
