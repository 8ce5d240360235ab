import "server-only";
import { db } from "@/lib/db/client";
import type { DiffPart } from "@/lib/essays/diff-words";

/** A notification as the reader sees it, with where it points and the essay it is about. */
export interface NotificationView {
  id: number;
  kind: "REPLY" | "MODERATION" | "REPORT_OUTCOME" | "MENTION" | "PASSAGE_CHANGED" | "APPEAL_OUTCOME";
  message: string;
  /** PASSAGE_CHANGED: the old and new words as a word-level diff (only removed runs when the passage was removed). */
  passageDiff: DiffPart[] | null;
  href: string | null;
  /** The title of the essay it is about, read now (so a retitled essay is named as it is today), or null. */
  essayTitle: string | null;
  read: boolean;
  createdAt: string;
}

/** The reader's unread count and newest notification id: what the bell polls (two index-only reads). */
export async function unreadSummary(userId: string): Promise<{ unread: number; latestId: number }> {
  const [unread, latest] = await Promise.all([
    db.notification.count({ where: { userId, readAt: null } }),
    db.notification.findFirst({ where: { userId }, orderBy: { id: "desc" }, select: { id: true } }),
  ]);
  return { unread, latestId: latest?.id ?? 0 };
}

/** The reader's unread notifications count, for the header badge. */
export function unreadCount(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** Where a notification points: the comment's permalink on its essay, a highlighted passage, the essay, or nowhere. */
export function notificationHref(slug: string | undefined, commentId: number | null, highlightId: string | null = null): string | null {
  if (!slug) return null;
  if (commentId) return `/essays/${slug}/comments/${commentId}`;
  return `/essays/${slug}${highlightId ? `#hl-${highlightId}` : ""}`;
}

/** The reader's latest notifications, newest first. */
export async function listNotifications(userId: string, take = 50): Promise<NotificationView[]> {
  const rows = await db.notification.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take });
  const essayIds = [...new Set(rows.flatMap((row) => (row.essayId ? [row.essayId] : [])))];
  const essays = new Map(
    (await db.essay.findMany({ where: { id: { in: essayIds } }, select: { id: true, slug: true, currentRevision: { select: { title: true } } } })).map((essay) => [essay.id, essay]),
  );
  return rows.map((row) => {
    const essay = row.essayId ? essays.get(row.essayId) : undefined;
    return {
      id: row.id,
      kind: row.kind,
      message: row.message,
      passageDiff: Array.isArray(row.passageDiff) ? (row.passageDiff as unknown as DiffPart[]) : null,
      href: notificationHref(essay?.slug, row.commentId, row.highlightId),
      essayTitle: essay?.currentRevision?.title ?? null,
      read: row.readAt !== null,
      createdAt: row.createdAt.toISOString(),
    };
  });
}

/** Marks the reader's notifications read: the given ones, or all. Ownership is in the query. */
export async function markNotificationsRead(userId: string, ids: number[] | "all"): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null, ...(ids === "all" ? {} : { id: { in: ids } }) }, data: { readAt: new Date() } });
  return count;
}
