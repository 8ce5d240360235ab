import "server-only";
import { db } from "@/lib/db/client";
import { queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { threadScore } from "./heat";
import { HEATING_UP_MIN_SCORE, loadThreadHeat } from "./load-heat";
import { loadTrustFacts, loadTrustRules } from "./load-trust";
import type { QueueCard } from "./queue";
import { queuePriority, type Priority } from "./queue-priority";
import { reportAccuracy, trustLevel } from "./trust";

/**
 * The heat of each comment's thread over the last hour (./heat.ts, the score
 * the queue's "Heating up" list ranks by): every thread active in the hour
 * is scored in one query (3-6 ms on bench:threads' data, see
 * ./load-heat.ts), and the cards' comments are mapped to their threads.
 */
async function threadHeat(commentIds: number[]): Promise<Map<number, { score: number; heatingUp: boolean }>> {
  if (commentIds.length === 0) return new Map();
  const [roots, threads] = await Promise.all([
    queryRows<{ id: number; rootId: number }>(Prisma.sql`SELECT id, coalesce("rootId", id) AS "rootId" FROM "Comment" WHERE id = ANY(${commentIds}::int[])`),
    loadThreadHeat(null),
  ]);
  const scores = new Map(threads.map((thread) => [thread.rootId, threadScore(thread)]));
  return new Map(
    roots.map((row) => {
      const score = scores.get(row.rootId) ?? 0;
      return [row.id, { score, heatingUp: score >= HEATING_UP_MIN_SCORE }];
    }),
  );
}

/**
 * Reported cards with their priority, most urgent first (ties: oldest
 * first): a few queries whatever the number of cards (the open reports'
 * reporters, then everyone's trust facts and the threads' heat together).
 */
export async function prioritiseCards(cards: QueueCard[], now = new Date()): Promise<(QueueCard & { priority: Priority })[]> {
  const commentIds = cards.flatMap((card) => (card.commentId === null ? [] : [card.commentId]));
  const highlightIds = cards.flatMap((card) => (card.highlightId === null ? [] : [card.highlightId]));
  const reports = await db.report.findMany({
    where: { status: "OPEN", OR: [{ commentId: { in: commentIds } }, { highlightId: { in: highlightIds } }] },
    select: { reason: true, reporterId: true, commentId: true, highlightId: true },
  });
  const authorIds = cards.flatMap((card) => (card.author ? [card.author.id] : []));
  const [facts, rules, heat] = await Promise.all([loadTrustFacts([...authorIds, ...reports.map((report) => report.reporterId)]), loadTrustRules(), threadHeat(commentIds)]);
  const prioritised = cards.map((card) => {
    const mine = reports.filter((report) => (card.commentId !== null ? report.commentId === card.commentId : report.highlightId === card.highlightId));
    const author = card.author ? facts.get(card.author.id) : undefined;
    const priority = queuePriority({
      reports: mine.map((report) => {
        const reporter = facts.get(report.reporterId);
        return { reason: report.reason, reporterAccuracy: reporter ? reportAccuracy(reporter) : null };
      }),
      authorTrust: author ? trustLevel(author, rules, now) : null,
      heat: (card.commentId === null ? undefined : heat.get(card.commentId)) ?? { score: 0, heatingUp: false },
    });
    return { ...card, priority };
  });
  return prioritised.sort((a, b) => b.priority.score - a.priority.score || a.createdAt.localeCompare(b.createdAt));
}
