import "server-only";
import { db } from "@/lib/db/client";

/** One essay on the editors' desk. */
export interface EditorEssay {
  id: string;
  slug: string;
  title: string;
  published: boolean;
  /** Readers may publish their highlights (the editors' switch, lib/passages/set-essay-public-highlights.ts). */
  publicHighlightsOpen: boolean;
  revisions: number;
  revisedAt: string;
}

/** Every essay, published or not, most recently revised first (for /editor; the page checks the role). */
export async function listEssaysForEditors(): Promise<EditorEssay[]> {
  const essays = await db.essay.findMany({
    where: { currentRevisionId: { not: null } },
    select: { id: true, slug: true, unpublishedAt: true, publicHighlightsOpen: true, currentRevision: { select: { title: true, number: true, createdAt: true } } },
  });
  return essays
    .map((essay) => ({
      id: essay.id,
      slug: essay.slug,
      title: essay.currentRevision!.title,
      published: essay.unpublishedAt === null,
      publicHighlightsOpen: essay.publicHighlightsOpen,
      revisions: essay.currentRevision!.number,
      revisedAt: essay.currentRevision!.createdAt.toISOString(),
    }))
    .sort((a, b) => b.revisedAt.localeCompare(a.revisedAt));
}
