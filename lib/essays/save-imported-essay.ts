import "server-only";
import { createHash } from "node:crypto";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canonicalText, countWords, placeBlocks, slugify, type ImportedEssay } from "./document";
import { importedEssaySchema, slugSchema } from "./schemas";
import { reanchorHighlights, type ReanchorResult } from "@/lib/highlights/reanchor-highlights";

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

function contentHash(essay: ImportedEssay): string {
  const { title, dek, byline, attribution, blocks } = essay;
  return createHash("sha256").update(JSON.stringify({ title, dek, byline, attribution, blocks })).digest("hex");
}

/**
 * Stores an imported essay. Importing the same essay again (same slug or same
 * source) adds a revision instead of a duplicate; importing identical content
 * adds nothing. Validates everything before the first write, and writes in
 * one transaction, so a refused import leaves the database as it was.
 */
export async function saveImportedEssay(input: SaveImportedEssayInput): Promise<SaveImportedEssayResult> {
  const essay = importedEssaySchema.parse(input.essay);
  const slug = slugSchema.parse(input.slug ?? slugify(essay.title));
  const blocks = placeBlocks(essay.blocks);
  const text = canonicalText(essay.blocks);
  const hash = contentHash(essay);

  return db.$transaction(
    async (tx) => {
      const existing = await tx.essay.findFirst({
        where: { OR: [{ slug }, ...(input.source ? [{ source: input.source }] : [])] },
        include: { currentRevision: { select: { contentHash: true, number: true, id: true } } },
        orderBy: { createdAt: "asc" },
      });
      if (existing?.currentRevision?.contentHash === hash) {
        return { essayId: existing.id, slug: existing.slug, revisionId: existing.currentRevision.id, revisionNumber: existing.currentRevision.number, outcome: "unchanged" as const };
      }
      const essayRow = existing ?? (await tx.essay.create({ data: { slug, source: input.source } }));
      const latest = await tx.essayRevision.aggregate({ where: { essayId: essayRow.id }, _max: { number: true } });
      const number = (latest._max.number ?? 0) + 1;
      const revision = await tx.essayRevision.create({
        data: {
          essayId: essayRow.id,
          number,
          title: essay.title,
          dek: essay.dek,
          byline: essay.byline,
          attribution: essay.attribution,
          blocks: blocks as unknown as Prisma.InputJsonValue,
          text,
          contentHash: hash,
          wordCount: countWords(text),
          importedById: input.importedById ?? null,
        },
      });
      await tx.essay.update({
        where: { id: essayRow.id },
        data: { currentRevisionId: revision.id, ...(input.source && !essayRow.source ? { source: input.source } : {}) },
      });
      const ids = { essayId: essayRow.id, slug: essayRow.slug, revisionId: revision.id, revisionNumber: number };
      if (!existing) return { ...ids, outcome: "created" as const };
      return { ...ids, outcome: "revised" as const, reanchored: await reanchorHighlights(tx, essayRow.id, { id: revision.id, text }) };
    },
    { timeout: 60_000 },
  );
}
