import "server-only";
import { db } from "@/lib/db/client";

/** One of a reader's reports, as they see it: what, why, and what became of it. */
export interface MyReportView {
  id: string;
  status: "OPEN" | "ACTIONED" | "DISMISSED" | "WITHDRAWN";
  reason: string;
  details: string | null;
  what: "comment" | "note";
  excerpt: string;
  href: string | null;
  createdAt: string;
  resolvedAt: string | null;
}

const EXCERPT = 140;

function excerptOf(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > EXCERPT ? `${flat.slice(0, EXCERPT - 1)}…` : flat;
}

/** The reader's own reports, newest first, with their status; a reported note's text only while it is public. */
export async function listMyReports(reporterId: string): Promise<MyReportView[]> {
  const reports = await db.report.findMany({
    where: { reporterId },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      status: true,
      reason: true,
      details: true,
      createdAt: true,
      resolvedAt: true,
      comment: { select: { id: true, body: true, essay: { select: { slug: true } } } },
      highlight: { select: { id: true, note: true, visibility: true, deletedAt: true, essay: { select: { slug: true } } } },
    },
  });
  return reports.map((report) => {
    // A note its author has since made private (or deleted) is no longer the reporter's to read: they keep the report and its status only.
    const note = report.highlight && report.highlight.visibility === "PUBLIC" && report.highlight.deletedAt === null ? report.highlight : null;
    return {
      id: report.id,
      status: report.status,
      reason: report.reason,
      details: report.details,
      what: report.comment ? "comment" : "note",
      excerpt: excerptOf(report.comment?.body || note?.note || (report.highlight && !note ? "(no longer public)" : "(removed)")),
      href: report.comment ? `/essays/${report.comment.essay.slug}/comments/${report.comment.id}` : note ? `/essays/${note.essay.slug}#hl-${note.id}` : null,
      createdAt: report.createdAt.toISOString(),
      resolvedAt: report.resolvedAt?.toISOString() ?? null,
    };
  });
}
