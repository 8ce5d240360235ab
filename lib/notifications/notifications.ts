import "server-only";
import { db } from "@/lib/db/client";

/** A notification as the reader sees it, with where it points. */
export interface NotificationView {
  id: number;
  kind: "REPLY" | "MODERATION" | "REPORT_OUTCOME";
  message: string;
  href: string | null;
  read: boolean;
  createdAt: string;
}

/** The reader's unread notifications count, for the header badge. */
export function unreadCount(userId: string): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** The reader's latest notifications, newest first. */
export async function listNotifications(userId: string, take = 50): Promise<NotificationView[]> {
  const rows = await db.notification.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take });
  const essayIds = [...new Set(rows.flatMap((row) => (row.essayId ? [row.essayId] : [])))];
  const essays = new Map((await db.essay.findMany({ where: { id: { in: essayIds } }, select: { id: true, slug: true } })).map((essay) => [essay.id, essay.slug]));
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    message: row.message,
    href: row.essayId && essays.has(row.essayId) ? `/essays/${essays.get(row.essayId)}${row.commentId ? `/comments/${row.commentId}` : ""}` : null,
    read: row.readAt !== null,
    createdAt: row.createdAt.toISOString(),
  }));
}

/** Marks the reader's notifications read: the given ones, or all. Ownership is in the query. */
export async function markNotificationsRead(userId: string, ids: number[] | "all"): Promise<number> {
  const { count } = await db.notification.updateMany({ where: { userId, readAt: null, ...(ids === "all" ? {} : { id: { in: ids } }) }, data: { readAt: new Date() } });
  return count;
}
