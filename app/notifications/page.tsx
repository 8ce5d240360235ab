import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { MarkAllRead } from "@/components/notifications/mark-all-read";
import { signInHref } from "@/lib/auth/return-url";
import { getViewer } from "@/lib/auth/viewer";
import { listNotifications } from "@/lib/notifications/notifications";
import { LocalTime } from "@/components/ui/local-time";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const viewer = await getViewer();
  if (!viewer) redirect(signInHref("/notifications"));
  const notifications = await listNotifications(viewer.id);
  const unread = notifications.filter((notification) => !notification.read).length;
  return (
    <section className="notifications-page">
      <header className="notifications-page__header">
        <h1>Notifications</h1>
        <span className="notifications-page__links">
          <Link href="/reports">Your reports</Link>
          {unread > 0 && <MarkAllRead />}
        </span>
      </header>
      {notifications.length === 0 ? (
        <p className="empty-state">Nothing yet. When someone replies to you, it will appear here.</p>
      ) : (
        <ol className="notification-list">
          {notifications.map((notification) => (
            <li key={notification.id} className={`notification${notification.read ? "" : " notification--unread"}`}>
              {notification.href ? <Link href={notification.href}>{notification.message}</Link> : <span>{notification.message}</span>}
              <LocalTime iso={notification.createdAt} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
