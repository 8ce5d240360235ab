import "server-only";
import { db } from "@/lib/db/client";
import { queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { loadTrustFacts, loadTrustRules } from "./load-trust";
import type { QueueCard } from "./queue";
import { queuePriority, type Priority } from "./queue-priority";
import { reportAccuracy, trustLevel } from "./trust";

/**
 * The thread's heat, by the comment's thread: the replies written in its
 * last hour. A seam: lib/moderation/heat.ts's score (reply rate,
 * participants, reports, holds) is the better measure once its loader is
 * available to the queue; this count is what ordered the queue until then.
 */
async function recentReplies(commentIds: number[]): Promise<Map<number, number>> {
  if (commentIds.length === 0) return new Map();
  const rows = await queryRows<{ id: number; replies: number }>(Prisma.sql`
    SELECT c.id, (SELECT count(*) FROM "Comment" t WHERE coalesce(t."rootId", t.id) = coalesce(c."rootId", c.id) AND t.id <> c.id
      AND t."createdAt" >= (now() AT TIME ZONE 'UTC') - interval '1 hour')::int AS replies
    FROM "Comment" c WHERE c.id = ANY(${commentIds}::int[])`);
  return new Map(rows.map((row) => [row.id, row.replies]));
}

/**
 * Reported cards with their priority, most urgent first (ties: oldest
 * first): three queries whatever the number of cards (the open reports'
 * reporters, everyone's trust facts, the threads' last hour).
 */
export async function prioritiseCards(cards: QueueCard[], now = new Date()): Promise<(QueueCard & { priority: Priority })[]> {
  const commentIds = cards.flatMap((card) => (card.commentId === null ? [] : [card.commentId]));
  const highlightIds = cards.flatMap((card) => (card.highlightId === null ? [] : [card.highlightId]));
  const reports = await db.report.findMany({
    where: { status: "OPEN", OR: [{ commentId: { in: commentIds } }, { highlightId: { in: highlightIds } }] },
    select: { reason: true, reporterId: true, commentId: true, highlightId: true },
  });
  const authorIds = cards.flatMap((card) => (card.author ? [card.author.id] : []));
  const [facts, rules, replies] = await Promise.all([loadTrustFacts([...authorIds, ...reports.map((report) => report.reporterId)]), loadTrustRules(), recentReplies(commentIds)]);
  const prioritised = cards.map((card) => {
    const mine = reports.filter((report) => (card.commentId !== null ? report.commentId === card.commentId : report.highlightId === card.highlightId));
    const author = card.author ? facts.get(card.author.id) : undefined;
    const priority = queuePriority({
      reports: mine.map((report) => {
        const reporter = facts.get(report.reporterId);
        return { reason: report.reason, reporterAccuracy: reporter ? reportAccuracy(reporter) : null };
      }),
      authorTrust: author ? trustLevel(author, rules, now) : null,
      heat: card.commentId === null ? 0 : (replies.get(card.commentId) ?? 0),
    });
    return { ...card, priority };
  });
  return prioritised.sort((a, b) => b.priority.score - a.priority.score || a.createdAt.localeCompare(b.createdAt));
}
