import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { EssayArticle } from "@/components/essay/essay-article";
import { HighlightLayer } from "@/components/highlights/highlight-layer";
import { OrphanedHighlights } from "@/components/highlights/orphaned-highlights";
import { getViewer } from "@/lib/auth/viewer";
import { getEssayForReading } from "@/lib/essays/queries";
import { listHighlightsForEssay } from "@/lib/highlights/list-highlights";

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
  const highlights = await listHighlightsForEssay(essay.id, viewer?.id ?? null);
  const orphans = highlights.filter((highlight) => highlight.orphaned);
  return (
    <EssayArticle essay={essay} after={<OrphanedHighlights highlights={orphans} />}>
      <HighlightLayer
        essayId={essay.id}
        revisionId={essay.revisionId}
        slug={essay.slug}
        viewer={viewer ? { handle: viewer.handle, name: viewer.name } : null}
        initialHighlights={highlights.filter((highlight) => !highlight.orphaned)}
        highlightsOpen={essay.highlightsOpen}
      />
    </EssayArticle>
  );
}
