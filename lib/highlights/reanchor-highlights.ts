import "server-only";
import { createAnchorer } from "@/lib/anchoring";
import type { Prisma } from "@/lib/generated/prisma/client";

/** What re-anchoring an essay's highlights onto a new revision did. */
export interface ReanchorResult {
  anchored: number;
  orphaned: number;
}

/**
 * Moves every live highlight of an essay onto its new revision, once, when
 * the revision is stored (never on page views). Each highlight is anchored by
 * its quote, prefix and suffix with its last position as a hint; those placed
 * get their new offsets against the new revision, and those that cannot be
 * placed with confidence become orphans: kept, with their original words and
 * their last revision, and listed to readers, never dropped or put on the
 * wrong words. Runs inside the caller's transaction so a revision and its
 * highlights' positions land together.
 */
export async function reanchorHighlights(tx: Prisma.TransactionClient, essayId: string, revision: { id: string; text: string }): Promise<ReanchorResult> {
  const highlights = await tx.highlight.findMany({
    where: { essayId, deletedAt: null, revisionId: { not: revision.id } },
    select: { id: true, exact: true, prefix: true, suffix: true, start: true, end: true },
  });
  if (highlights.length === 0) return { anchored: 0, orphaned: 0 };

  const anchorer = createAnchorer(revision.text);
  const placed: { id: string; start: number; end: number; confidence: number }[] = [];
  const orphans: string[] = [];
  for (const highlight of highlights) {
    const anchor = anchorer.anchor({
      quote: { type: "TextQuoteSelector", exact: highlight.exact, prefix: highlight.prefix, suffix: highlight.suffix },
      position: { type: "TextPositionSelector", start: highlight.start, end: highlight.end },
    });
    if (anchor.status === "anchored") placed.push({ id: highlight.id, start: anchor.start, end: anchor.end, confidence: anchor.confidence });
    else orphans.push(highlight.id);
  }

  if (placed.length > 0) {
    // One statement for all of them: a revision of a much-highlighted essay
    // would otherwise cost a round trip per highlight inside the transaction.
    await tx.$executeRaw`
      UPDATE "Highlight" AS h
      SET "revisionId" = ${revision.id}, "start" = p.start, "end" = p.end, "anchorConfidence" = p.confidence,
          "status" = 'ANCHORED'::"AnchorStatus", "updatedAt" = now()
      FROM unnest(${placed.map((p) => p.id)}::text[], ${placed.map((p) => p.start)}::int[], ${placed.map((p) => p.end)}::int[], ${placed.map((p) => p.confidence)}::float8[])
        AS p(id, start, "end", confidence)
      WHERE h.id = p.id`;
  }
  if (orphans.length > 0) {
    await tx.highlight.updateMany({ where: { id: { in: orphans } }, data: { status: "ORPHANED", anchorConfidence: 0 } });
  }
  return { anchored: placed.length, orphaned: orphans.length };
}
