import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { DraftBlock } from "./document";
import type { EssayKey } from "./list-essay-revisions";
import { diffBlocks, diffWords, type BlockDiff, type DiffPart } from "./diff-words";

/** A word-level comparison of two revisions of one essay. */
export interface RevisionComparison {
  from: number;
  to: number;
  title: DiffPart[];
  dek: DiffPart[];
  blocks: BlockDiff[];
  /** Words added and removed, for the summary line. */
  added: number;
  removed: number;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Compares revision `from` with revision `to` of a published essay (either order; the older is "before"). */
export async function compareRevisions(key: EssayKey, from: number, to: number): Promise<RevisionComparison> {
  const essay = await db.essay.findUnique({ where: key, select: { id: true, unpublishedAt: true } });
  if (!essay || essay.unpublishedAt) throw new AppError("NOT_FOUND", "That essay does not exist.");
  const revisions = await db.essayRevision.findMany({ where: { essayId: essay.id, number: { in: [from, to] } }, select: { number: true, title: true, dek: true, blocks: true } });
  const before = revisions.find((revision) => revision.number === from);
  const after = revisions.find((revision) => revision.number === to);
  if (!before || !after) throw new AppError("NOT_FOUND", `This essay has no revision ${!before ? from : to}.`);
  const blocks = diffBlocks(before.blocks as unknown as DraftBlock[], after.blocks as unknown as DraftBlock[]);
  let added = 0;
  let removed = 0;
  for (const part of blocks.flatMap((block) => block.parts)) {
    if (part.op === "added") added += words(part.text);
    else if (part.op === "removed") removed += words(part.text);
  }
  return { from, to, title: diffWords(before.title, after.title), dek: diffWords(before.dek ?? "", after.dek ?? ""), blocks, added, removed };
}
