import "server-only";
import { db } from "@/lib/db/client";
import { slugify, type ImportedEssay } from "./document";
import { insertRevision, prepareRevision } from "./insert-revision";
import { revisionLock } from "./revision-lock";
import { slugSchema } from "./schemas";
import { reanchorHighlights, type ReanchorResult } from "@/lib/highlights/reanchor-highlights";
import { reanchorPassageControls } from "@/lib/passages/reanchor-passage-controls";

export interface SaveImportedEssayInput {
  essay: ImportedEssay;
  /** Where it came from (absolute file path or URL); null for seeded content. */
  source: string | null;
  slug?: string;
  importedById?: string;
}

export interface SaveImportedEssayResult {
  essayId: string;
  slug: string;
  revisionId: string;
  revisionNumber: number;
  /** "created": a new essay; "revised": a new revision; "unchanged": identical to the current one. */
  outcome: "created" | "revised" | "unchanged";
  /** For a new revision: how many highlights were moved onto it and how many became orphans. */
  reanchored?: ReanchorResult;
}

/**
 * Stores an imported essay from the command line or the seed. Importing the
 * same essay again (same slug or same source) adds a revision instead of a
 * duplicate; importing identical content adds nothing. Validates everything
 * before the first write, and writes in one transaction, so a refused import
 * leaves the database as it was. (Editors on the web publish and revise
 * through publish-essay.ts and revise-essay.ts, which also notify readers.)
 */
export async function saveImportedEssay(input: SaveImportedEssayInput): Promise<SaveImportedEssayResult> {
  const prepared = prepareRevision(input.essay);
  const slug = slugSchema.parse(input.slug ?? slugify(prepared.essay.title));

  return db.$transaction(
    async (tx) => {
      const existing = await tx.essay.findFirst({
        where: { OR: [{ slug }, ...(input.source ? [{ source: input.source }] : [])] },
        include: { currentRevision: { select: { contentHash: true, number: true, id: true } } },
        orderBy: { createdAt: "asc" },
      });
      if (existing?.currentRevision?.contentHash === prepared.hash) {
        return { essayId: existing.id, slug: existing.slug, revisionId: existing.currentRevision.id, revisionNumber: existing.currentRevision.number, outcome: "unchanged" as const };
      }
      const essayRow = existing ?? (await tx.essay.create({ data: { slug, source: input.source } }));
      if (existing) await tx.$queryRaw`SELECT ${revisionLock(existing.id, "exclusive")}`;
      if (input.source && !essayRow.source) await tx.essay.update({ where: { id: essayRow.id }, data: { source: input.source } });
      const revision = await insertRevision(tx, essayRow.id, prepared, { importedById: input.importedById ?? null });
      const ids = { essayId: essayRow.id, slug: essayRow.slug, revisionId: revision.id, revisionNumber: revision.number };
      if (!existing) return { ...ids, outcome: "created" as const };
      const reanchored = await reanchorHighlights(tx, essayRow.id, revision);
      await reanchorPassageControls(tx, essayRow.id, revision);
      return { ...ids, outcome: "revised" as const, reanchored };
    },
    { timeout: 60_000 },
  );
}
