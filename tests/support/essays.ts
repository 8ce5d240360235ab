import { db } from "@/lib/db/client";
import { canonicalText, placeBlocks, type DraftBlock } from "@/lib/essays/document";

/** A published essay with one revision made of `drafts`, written straight to the database for integration tests. */
export async function createTestEssay(label: string, title: string, drafts: DraftBlock[]): Promise<{ essayId: string; revisionId: string; text: string }> {
  const text = canonicalText(drafts);
  const essay = await db.essay.create({ data: { slug: `${label}-${Date.now()}` } });
  const revision = await db.essayRevision.create({
    data: { essayId: essay.id, number: 1, title, blocks: placeBlocks(drafts) as object[], text, contentHash: `${label}-${Date.now()}`, wordCount: text.split(/\s+/).length },
  });
  await db.essay.update({ where: { id: essay.id }, data: { currentRevisionId: revision.id } });
  return { essayId: essay.id, revisionId: revision.id, text };
}
