import "server-only";
import { assertCanWrite, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { announceDiscussionEvent, recordDiscussionEvent, type RecordedEvent } from "@/lib/live/publish";
import { recordModerationAction } from "./audit";
import { trustFactsSql } from "./load-trust";
import { notifyAuthor } from "./notify";
import { reportWeight, trustRulesFrom, type TrustFacts } from "./trust";
import type { ReportInput } from "./schemas";

type Target = ReportInput["target"];

/**
 * What readers are told about an item hidden by reports: no moderator has
 * looked at it yet, so "Hidden by the moderators" would blame people who did
 * nothing. The flag (`hiddenByReports`, `noteHiddenByReports`) says the same
 * to the views; a moderator's decision clears it.
 */
export const AUTO_HIDDEN_REASON = "Hidden after several reports, awaiting a moderator.";

/** A reported item: where its reports are, who wrote it, whether it is still shown. */
interface ReportedItem {
  essayId: string;
  authorId: string | null;
  live: boolean;
  where: { commentId: number } | { highlightId: string };
}

/**
 * The reported item, if this reader can see it and it is not their own,
 * with its row locked (FOR NO KEY UPDATE: it does not block replies, votes'
 * foreign keys or readers) until the report commits. That lock makes every
 * report on one item take its turn, so the duplicate check and the count
 * below see every earlier report committed: without it, ten identical
 * reports all found "no report yet" and nine failed on the unique index
 * (500), and three simultaneous reports each counted fewer than three, so
 * the item was hidden in 1 trial of 8 (a probe over HTTP: 4 of 8).
 */
async function reportable(tx: Prisma.TransactionClient, reporter: Viewer, target: Target): Promise<ReportedItem> {
  if (target.type === "comment") {
    const [comment] = await tx.$queryRaw<{ id: number; essayId: string; authorId: string | null; status: string }[]>`
      SELECT id, "essayId", "authorId", status::text AS status FROM "Comment"
      WHERE id = ${target.id} AND status <> 'HELD' AND "deletedAt" IS NULL FOR NO KEY UPDATE`;
    if (!comment) throw new AppError("NOT_FOUND", "That comment does not exist.");
    if (comment.authorId === reporter.id) throw new AppError("FORBIDDEN", "You cannot report your own comment; edit or delete it instead.");
    return { essayId: comment.essayId, authorId: comment.authorId, live: comment.status === "PUBLISHED", where: { commentId: comment.id } };
  }
  // Only a public note can be reported: a private one is not there for anyone but its author.
  const [highlight] = await tx.$queryRaw<{ id: string; essayId: string; authorId: string; hidden: boolean }[]>`
    SELECT id, "essayId", "authorId", ("noteHiddenAt" IS NOT NULL) AS hidden FROM "Highlight"
    WHERE id = ${target.id} AND visibility = 'PUBLIC' AND "deletedAt" IS NULL AND note IS NOT NULL FOR NO KEY UPDATE`;
  if (!highlight) throw new AppError("NOT_FOUND", "That note does not exist.");
  if (highlight.authorId === reporter.id) throw new AppError("FORBIDDEN", "You cannot report your own note; edit or delete it instead.");
  return { essayId: highlight.essayId, authorId: highlight.authorId, live: !highlight.hidden, where: { highlightId: highlight.id } };
}

/**
 * Hides an item once enough distinct readers have reported it (the site's
 * threshold, 3 by default; a trusted reader's report counts as
 * `trustedReportWeight`, 2 by default), until a moderator reviews it. Recorded in the
 * audit log as Glossa's own action. Runs under the item's row lock taken by
 * `reportable`, so the count includes every report committed before this
 * one and the item is hidden, audited and its author told exactly once.
 */
async function hideIfReportedEnough(tx: Prisma.TransactionClient, item: ReportedItem): Promise<RecordedEvent | null> {
  if (!item.live) return null;
  const settings = await tx.moderationSettings.findUnique({ where: { id: 1 }, select: { reportHideThreshold: true, trustRules: true } });
  const threshold = settings?.reportHideThreshold ?? 3;
  const reporters = await tx.report.findMany({ where: { ...item.where, status: "OPEN" }, select: { reporterId: true } });
  const reports = reporters.length;
  const rules = trustRulesFrom(settings?.trustRules ?? null);
  // Trusted readers' reports weigh more: their history is read only when they could tip the count.
  if (
    reports < threshold &&
    (reports * rules.trustedReportWeight < threshold || reportWeight(await tx.$queryRaw<TrustFacts[]>(trustFactsSql(reporters.map((report) => report.reporterId))), rules, new Date()) < threshold)
  ) {
    return null;
  }
  const reason = AUTO_HIDDEN_REASON;
  const commentId = "commentId" in item.where ? item.where.commentId : null;
  if (commentId !== null) {
    await tx.comment.update({ where: { id: commentId }, data: { status: "HIDDEN", hiddenReason: reason, hiddenByReports: true } });
  } else if ("highlightId" in item.where) {
    await tx.highlight.update({ where: { id: item.where.highlightId }, data: { noteHiddenAt: new Date(), noteHiddenReason: reason, noteHiddenByReports: true } });
  }
  const targetId = "highlightId" in item.where ? item.where.highlightId : String(commentId);
  await recordModerationAction(tx, "system", {
    action: "auto-hide",
    targetType: commentId !== null ? "comment" : "note",
    targetId,
    reason,
    before: { hidden: false },
    after: { hidden: true, reports },
  });
  await notifyAuthor(tx, item.authorId, `Readers reported your ${commentId !== null ? "comment" : "note"}; it is hidden until a moderator reviews it.`, { essayId: item.essayId, commentId });
  return commentId !== null ? recordDiscussionEvent(tx, item.essayId, "moderation", commentId) : null;
}

/**
 * A reader reports a comment or a public highlight's note, once per item (a
 * withdrawn report can be made again). Enough distinct reports hide the item
 * until it is reviewed.
 */
export async function reportContent(reporter: Viewer | null, input: ReportInput): Promise<{ id: string; status: "OPEN" }> {
  assertCanWrite(reporter);
  const { id, event } = await db.$transaction(async (tx) => {
    const item = await reportable(tx, reporter, input.target);
    const existing = await tx.report.findFirst({ where: { reporterId: reporter.id, ...item.where }, select: { id: true, status: true } });
    if (existing && existing.status !== "WITHDRAWN") throw new AppError("CONFLICT", "You have already reported this. You can see its status under Your reports.");
    const data = { reason: input.reason, details: input.details || null, status: "OPEN" as const, resolvedAt: null, resolvedById: null };
    const report = existing
      ? await tx.report.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.report.create({ data: { reporterId: reporter.id, ...item.where, ...data }, select: { id: true } });
    return { id: report.id, event: await hideIfReportedEnough(tx, item) };
  });
  await announceDiscussionEvent(event);
  return { id, status: "OPEN" };
}

/**
 * The reporter withdraws one of their own open reports (ownership is in the
 * query). Self-service: a suspended reader may (the operation's guard is
 * `member`), so there is no write check here.
 */
export async function withdrawReport(reporter: Viewer, reportId: string): Promise<void> {
  const { count } = await db.report.updateMany({ where: { id: reportId, reporterId: reporter.id, status: "OPEN" }, data: { status: "WITHDRAWN" } });
  if (count === 0) throw new AppError("NOT_FOUND", "You have no open report with that id.");
}
