import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Where a notice points: a comment on an essay, or nowhere in particular. */
export interface NoticeLink {
  essayId?: string | null;
  commentId?: number | null;
}

/** Tells an author what a moderator did to their content or account, and why. */
export async function notifyAuthor(tx: Prisma.TransactionClient, userId: string | null, message: string, link: NoticeLink = {}): Promise<void> {
  if (!userId) return;
  await tx.notification.create({ data: { userId, kind: "MODERATION", message, essayId: link.essayId ?? null, commentId: link.commentId ?? null } });
}

/**
 * Resolves the open reports on an item and tells each reporter the outcome:
 * "actioned" when a moderator acted on it, "dismissed" when it was fine.
 */
export async function resolveReports(
  tx: Prisma.TransactionClient,
  where: { commentId: number } | { highlightId: string },
  outcome: "ACTIONED" | "DISMISSED",
  resolvedById: string,
  link: NoticeLink,
): Promise<number> {
  const open = await tx.report.findMany({ where: { ...where, status: "OPEN" }, select: { id: true, reporterId: true } });
  if (open.length === 0) return 0;
  await tx.report.updateMany({ where: { id: { in: open.map((report) => report.id) } }, data: { status: outcome, resolvedById, resolvedAt: new Date() } });
  const what = "commentId" in where ? "a comment" : "a highlight's note";
  const message = outcome === "ACTIONED" ? `Thank you: a moderator reviewed your report of ${what} and acted on it.` : `A moderator reviewed your report of ${what} and found it within the rules.`;
  await tx.notification.createMany({
    data: open.map((report) => ({ userId: report.reporterId, kind: "REPORT_OUTCOME" as const, message, essayId: link.essayId ?? null, commentId: link.commentId ?? null })),
  });
  return open.length;
}
