"use client";

import type { NotificationView } from "@/lib/notifications/notifications";
import { WordDiff } from "@/components/essay/word-diff";
import { LocalTime } from "@/components/ui/local-time";
import { useOpenNotification } from "./use-open-notification";

/** One notification: what happened, on which essay, when; opening it marks it read. */
export function NotificationItem({ notification, onOpened }: { notification: NotificationView; onOpened?: (id: number) => void }) {
  const open = useOpenNotification(onOpened);
  const text = (
    <>
      {!notification.read && <span className="visually-hidden">Unread: </span>}
      <span className="notification__message">{notification.message}</span>
      {notification.essayTitle && <span className="notification__essay">on “{notification.essayTitle}”</span>}
      {notification.passageDiff && (
        <span className="notification__diff">
          <WordDiff parts={notification.passageDiff} />
        </span>
      )}
    </>
  );
  return (
    <li className={`notification${notification.read ? "" : " notification--unread"}`} data-testid="notification">
      {notification.href ? (
        <a href={notification.href} onClick={(event) => open(event, notification.id)}>
          {text}
        </a>
      ) : (
        <span>{text}</span>
      )}
      <LocalTime iso={notification.createdAt} />
    </li>
  );
}
