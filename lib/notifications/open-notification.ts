import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { notificationHref } from "./notifications";

/**
 * Opens one of the reader's notifications: marks it read and answers where it
 * points. Someone else's notification is "not found", as if it did not exist.
 */
export async function openNotification(userId: string, notificationId: number): Promise<{ href: string | null }> {
  // Facts.
  const notification = await db.notification.findFirst({ where: { id: notificationId, userId }, select: { essayId: true, commentId: true, highlightId: true, readAt: true } });
  if (!notification) throw new AppError("NOT_FOUND", "That notification does not exist.");
  const essay = notification.essayId ? await db.essay.findUnique({ where: { id: notification.essayId }, select: { slug: true } }) : null;
  // Effects: ownership is in the update's filter too.
  if (!notification.readAt) await db.notification.updateMany({ where: { id: notificationId, userId, readAt: null }, data: { readAt: new Date() } });
  return { href: notificationHref(essay?.slug, notification.commentId, notification.highlightId) };
}
