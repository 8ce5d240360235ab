import "server-only";
import { createHash } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canonicalText, countWords, placeBlocks, type ImportedEssay } from "./document";
import { importedEssaySchema } from "./schemas";

/** sha256 of an essay's words and metadata: an identical revision is a no-op. */
export function essayContentHash(essay: ImportedEssay): string {
  const { title, dek, byline, attribution, blocks } = essay;
  return createHash("sha256").update(JSON.stringify({ title, dek, byline, attribution, blocks })).digest("hex");
}

/**
 * Checks an essay and prepares its revision row: blocks placed in the
 * canonical text, the text, its hash and word count. Throws (a 422) before
 * anything is written.
 */
export function prepareRevision(input: ImportedEssay) {
  const essay = importedEssaySchema.parse(input);
  const text = canonicalText(essay.blocks);
  return { essay, blocks: placeBlocks(essay.blocks), text, hash: essayContentHash(essay), wordCount: countWords(text) };
}

/** A revision prepared by `prepareRevision`. */
export type PreparedRevision = ReturnType<typeof prepareRevision>;

/** Adds a prepared revision to an essay as its next number and makes it current. */
export async function insertRevision(
  tx: Prisma.TransactionClient,
  essayId: string,
  prepared: PreparedRevision,
  by: { importedById: string | null; note?: string | null },
): Promise<{ id: string; number: number; text: string }> {
  const latest = await tx.essayRevision.aggregate({ where: { essayId }, _max: { number: true } });
  const number = (latest._max.number ?? 0) + 1;
  const { essay } = prepared;
  const revision = await tx.essayRevision.create({
    data: {
      essayId,
      number,
      title: essay.title,
      dek: essay.dek,
      byline: essay.byline,
      attribution: essay.attribution,
      blocks: prepared.blocks as unknown as Prisma.InputJsonValue,
      text: prepared.text,
      contentHash: prepared.hash,
      wordCount: prepared.wordCount,
      importedById: by.importedById,
      note: by.note ?? null,
    },
    select: { id: true },
  });
  await tx.essay.update({ where: { id: essayId }, data: { currentRevisionId: revision.id } });
  return { id: revision.id, number, text: prepared.text };
}
