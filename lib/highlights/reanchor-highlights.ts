import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { countOutcomes, planReanchor, type ReanchorCounts, type ReanchorOutcome } from "./plan-reanchor";

/** What re-anchoring an essay's highlights onto a new revision did. */
export interface ReanchorResult {
  anchored: number;
  orphaned: number;
  counts: ReanchorCounts;
  plan: ReanchorOutcome[];
  /** Each re-anchored highlight's visibility, for reports that may quote only public ones. */
  visibility: Map<string, "PUBLIC" | "PRIVATE">;
}

/** Every live highlight of an essay not yet on `revisionId`, with the text of the revision each is placed on. */
export async function highlightsToReanchor(tx: Prisma.TransactionClient, essayId: string, revisionId: string | null) {
  const rows = await tx.highlight.findMany({
    where: { essayId, deletedAt: null, ...(revisionId ? { revisionId: { not: revisionId } } : {}) },
    select: { id: true, exact: true, prefix: true, suffix: true, start: true, end: true, status: true, revisionId: true, visibility: true, authorId: true },
    orderBy: { start: "asc" },
  });
  const revisionIds = [...new Set(rows.map((row) => row.revisionId))];
  const texts = new Map((await tx.essayRevision.findMany({ where: { id: { in: revisionIds } }, select: { id: true, text: true } })).map((revision) => [revision.id, revision.text]));
  return rows.map((row) => ({ ...row, orphaned: row.status === "ORPHANED", placedOn: texts.get(row.revisionId) ?? "" }));
}

/**
 * Moves every live highlight of an essay onto its new revision, once, when
 * the revision is stored (never on page views), as `planReanchor` decides:
 * those placed get their new offsets (and, where their words changed, the
 * diff their passage shows), and those that cannot be placed with confidence
 * become orphans: kept, with their original words and their last revision,
 * and listed to readers, never dropped or put on the wrong words. Runs
 * inside the caller's transaction so a revision and its highlights'
 * positions land together.
 */
export async function reanchorHighlights(tx: Prisma.TransactionClient, essayId: string, revision: { id: string; text: string }): Promise<ReanchorResult> {
  const highlights = await highlightsToReanchor(tx, essayId, revision.id);
  const plan = await planReanchor(highlights, revision.text);
  const placed = plan.filter((outcome) => outcome.kind !== "orphaned");
  const orphans = plan.filter((outcome) => outcome.kind === "orphaned").map((outcome) => outcome.id);

  if (placed.length > 0) {
    // One statement for all of them: a revision of a much-highlighted essay
    // would otherwise cost a round trip per highlight inside the transaction.
    // A passage diff is replaced only where this revision changed the words.
    await tx.$executeRaw`
      UPDATE "Highlight" AS h
      SET "revisionId" = ${revision.id}, "start" = p.start, "end" = p.end, "anchorConfidence" = p.confidence,
          "status" = 'ANCHORED'::"AnchorStatus", "updatedAt" = now(),
          "passageDiff" = CASE WHEN p.changed THEN p.diff ELSE h."passageDiff" END
      FROM unnest(
        ${placed.map((p) => p.id)}::text[], ${placed.map((p) => p.start)}::int[], ${placed.map((p) => p.end)}::int[], ${placed.map((p) => p.confidence)}::float8[],
        ${placed.map((p) => p.kind === "changes")}::boolean[], ${placed.map((p) => (p.kind === "changes" && p.passageDiff ? JSON.stringify(p.passageDiff) : null))}::jsonb[]
      ) AS p(id, start, "end", confidence, changed, diff)
      WHERE h.id = p.id`;
  }
  if (orphans.length > 0) {
    await tx.highlight.updateMany({ where: { id: { in: orphans } }, data: { status: "ORPHANED", anchorConfidence: 0 } });
  }
  return { anchored: placed.length, orphaned: orphans.length, counts: countOutcomes(plan), plan, visibility: new Map(highlights.map((highlight) => [highlight.id, highlight.visibility])) };
}
