import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DiffPart } from "./diff-words";
import type { ReanchorCounts, ReanchorOutcome } from "@/lib/highlights/plan-reanchor";

/** One passage a revision affects, as an editor sees it before publishing. */
export interface AffectedPassage {
  /** Null for a private highlight: not even its id leaves its owner's hands. */
  highlightId: string | null;
  /** Where it was, to list passages in the essay's order. */
  start: number;
  kind: "changes" | "orphaned";
  /** The words before the revision; null for a private highlight (its words are its owner's alone). */
  before: string | null;
  /** The word-level diff for a changed passage. */
  diff: DiffPart[] | null;
  threads: number;
}

/** A dry run's answer: counts of highlights and of threads by outcome, and the passages that move, change or are lost. */
export interface ReanchorReport {
  highlights: ReanchorCounts;
  threads: ReanchorCounts;
  /** Private highlights among the affected ones, counted but not quoted. */
  privateAffected: number;
  passages: AffectedPassage[];
}

/** How many threads (root comments, not deleted) hang on each of these highlights. */
export async function threadCounts(tx: Prisma.TransactionClient, highlightIds: string[]): Promise<Map<string, number>> {
  if (highlightIds.length === 0) return new Map();
  const rows = await tx.comment.groupBy({ by: ["highlightId"], where: { highlightId: { in: highlightIds }, parentId: null, deletedAt: null }, _count: { _all: true } });
  return new Map(rows.map((row) => [row.highlightId!, row._count._all]));
}

/**
 * Summarises a re-anchoring plan for an editor: counts for highlights and
 * threads, and every passage whose words change or go, quoting only public
 * ones. Moved highlights, and orphans that stay orphans, are counted only.
 */
export function reportPlan(plan: readonly ReanchorOutcome[], visibility: Map<string, "PUBLIC" | "PRIVATE">, threads: Map<string, number>): ReanchorReport {
  const highlights: ReanchorCounts = { stays: 0, moves: 0, changes: 0, orphaned: 0 };
  const threadTotals: ReanchorCounts = { stays: 0, moves: 0, changes: 0, orphaned: 0 };
  const passages: AffectedPassage[] = [];
  let privateAffected = 0;
  for (const outcome of plan) {
    const count = threads.get(outcome.id) ?? 0;
    highlights[outcome.kind] += 1;
    threadTotals[outcome.kind] += count;
    // Listed: the passages whose words change or go. A highlight that moves with its words is counted only.
    if (outcome.kind === "stays" || outcome.kind === "moves" || (outcome.kind === "orphaned" && outcome.already)) continue;
    const isPublic = visibility.get(outcome.id) === "PUBLIC";
    if (!isPublic) privateAffected += 1;
    passages.push({
      highlightId: isPublic ? outcome.id : null,
      start: outcome.from,
      kind: outcome.kind,
      before: isPublic ? outcome.before : null,
      diff: isPublic && outcome.kind === "changes" ? outcome.diff : null,
      threads: count,
    });
  }
  // Passages with discussions first (what an editor most needs to see), then in the essay's order.
  passages.sort((a, b) => b.threads - a.threads || a.start - b.start);
  return { highlights, threads: threadTotals, privateAffected, passages };
}
