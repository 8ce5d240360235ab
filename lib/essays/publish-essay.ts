import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordModerationAction } from "@/lib/moderation/audit";
import { slugify } from "./document";
import type { EssayDraft } from "./editor-schemas";
import { insertRevision, prepareRevision } from "./insert-revision";
import { previewEssayImport, previewedEssay } from "./preview-essay-import";

/** A published essay: where it is read. */
export interface PublishedEssay {
  essayId: string;
  slug: string;
  revisionNumber: number;
}

/**
 * Publishes a new essay from an editor's draft. Facts: the draft is
 * previewed exactly as the editor saw it (same importer, same choices).
 * Verdict: the slug must be free and a page already imported is revised,
 * not duplicated. Effects, in one transaction: the essay, its first
 * revision and the audit row.
 */
export async function publishEssay(editor: Viewer, draft: EssayDraft & { slug?: string }): Promise<PublishedEssay> {
  const preview = await previewEssayImport(draft);
  const prepared = prepareRevision(previewedEssay(preview));
  const slug = draft.slug || slugify(prepared.essay.title);
  return db.$transaction(async (tx) => {
    // Publications one at a time (they are rare): two editors publishing at one slug both found it free and the second hit the unique index (a 500).
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext('essay-publish'))::text AS locked`;
    const taken = await tx.essay.findFirst({ where: { OR: [{ slug }, ...(preview.url ? [{ source: preview.url }] : [])] }, select: { slug: true, source: true } });
    if (taken?.slug === slug)
      throw new AppError("CONFLICT", `An essay is already published at /essays/${slug}: choose another slug, or revise that essay.`, { fieldErrors: { slug: ["That slug is taken."] } });
    if (taken) throw new AppError("CONFLICT", `That page is already imported as /essays/${taken.slug}: revise it there.`);
    const essay = await tx.essay.create({ data: { slug, source: preview.url }, select: { id: true } });
    const revision = await insertRevision(tx, essay.id, prepared, { importedById: editor.id });
    await recordModerationAction(tx, editor, {
      action: "import-essay",
      targetType: "essay",
      targetId: essay.id,
      after: { slug, title: prepared.essay.title, revision: revision.number, words: prepared.wordCount, source: preview.url ?? preview.format },
    });
    return { essayId: essay.id, slug, revisionNumber: revision.number };
  });
}
