import type { TrustLevel } from "./trust";

/**
 * How urgent a reported item is, for ordering the review queue. Pure, so the
 * weights are tested alone (tests/integration/queue-priority.test.ts builds
 * real items); the facts are loaded by ./load-queue-priority.ts.
 */

/** How much one report of each kind counts: harm to people first, then spam, then the rest. */
export const REPORT_KIND_WEIGHTS: Readonly<Record<string, number>> = { HARASSMENT: 5, SPAM: 3, MISINFORMATION: 2, OFF_TOPIC: 1, OTHER: 1 };

/** What the priority of one item is computed from. */
export interface PriorityFacts {
  /** Each open report: its kind, and its reporter's share of decided reports upheld (null: none decided yet). */
  reports: { reason: string; reporterAccuracy: number | null }[];
  /** The author's trust level (null: a deleted account). */
  authorTrust: TrustLevel | null;
  /** The heat score of the item's thread over the last hour (./heat.ts; 0 for a note or a quiet thread), and whether it is high enough for the queue's "Heating up" list. */
  heat: { score: number; heatingUp: boolean };
}

/** An item's priority, and its reasons in a few words for the card. */
export interface Priority {
  score: number;
  reasons: string[];
}

/** A new author's item is likelier to be what it was reported for; a trusted author's, less. */
const AUTHOR_FACTOR: Record<TrustLevel, number> = { 0: 1.5, 1: 1.2, 2: 1, 3: 0.7 };

const KIND_NAMES: Record<string, string> = { HARASSMENT: "harassment", SPAM: "spam", MISINFORMATION: "misinformation", OFF_TOPIC: "off-topic", OTHER: "other" };

/**
 * The priority: each report weighs by its kind, times its reporter's record
 * (0.5 for one never upheld, 1.5 for one always upheld, 1 for a first
 * report), the sum scaled by the author's trust, plus a quarter of the
 * thread's heat (at most 10: a heated thread is urgent, but no more than two
 * harassment reports; a busy friendly thread, heat 36, adds 9).
 */
export function queuePriority(facts: PriorityFacts): Priority {
  let reportScore = 0;
  for (const report of facts.reports) reportScore += (REPORT_KIND_WEIGHTS[report.reason] ?? 1) * (report.reporterAccuracy === null ? 1 : 0.5 + report.reporterAccuracy);
  const score = reportScore * (facts.authorTrust === null ? 1 : AUTHOR_FACTOR[facts.authorTrust]) + Math.min(facts.heat.score, 40) / 4;

  const reasons: string[] = [];
  const count = facts.reports.length;
  const kinds = [...new Set(facts.reports.map((report) => report.reason))].sort((a, b) => (REPORT_KIND_WEIGHTS[b] ?? 1) - (REPORT_KIND_WEIGHTS[a] ?? 1));
  reasons.push(`${count} report${count === 1 ? "" : "s"}${kinds.length ? ` (${kinds.map((kind) => KIND_NAMES[kind] ?? kind.toLowerCase()).join(", ")})` : ""}`);
  const known = facts.reports.flatMap((report) => (report.reporterAccuracy === null ? [] : [report.reporterAccuracy]));
  if (known.length) {
    const mean = known.reduce((sum, accuracy) => sum + accuracy, 0) / known.length;
    if (mean >= 0.7) reasons.push("reporters usually right");
    else if (mean <= 0.3) reasons.push("reporters often wrong");
  }
  if (facts.authorTrust === 0) reasons.push("new account");
  if (facts.authorTrust === 3) reasons.push("trusted author");
  if (facts.heat.heatingUp) reasons.push("thread heating up");
  return { score: Math.round(score * 10) / 10, reasons };
}
