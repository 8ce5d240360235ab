import { handle } from "@/lib/http/operation";
import * as contracts from "@/lib/notifications/contracts";
import { listNotifications, markNotificationsRead, unreadCount } from "@/lib/notifications/notifications";

export const GET = handle(contracts.listNotifications, async ({ viewer }) => {
  const [notifications, unread] = await Promise.all([listNotifications(viewer.id), unreadCount(viewer.id)]);
  return { notifications, unread };
});

export const POST = handle(contracts.markNotificationsRead, async ({ viewer, body }) => ({ marked: await markNotificationsRead(viewer.id, body.ids) }));
