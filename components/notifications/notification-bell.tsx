"use client";

import Link from "next/link";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { ApiError, callOperation } from "@/components/api-client";
import { listNotifications, markNotificationsRead } from "@/lib/notifications/contracts.browser";
import type { NotificationView } from "@/lib/notifications/notifications";
import { NotificationItem } from "./notification-item";
import { NOTIFICATIONS_CHANGED, useNotificationSummary } from "./use-notification-summary";

/** Notifications shown in the dropdown; the rest are on /notifications. */
const LATEST = 8;

function BellIcon() {
  return (
    <svg className="account-nav__icon" width="18" height="18" viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

/**
 * The header bell: a live unread count (use-notification-summary.ts) and a
 * dropdown with the latest notifications. A disclosure, not a menu: Tab moves
 * through its links, Escape closes it and gives focus back to the bell, and
 * so does a click or focus outside.
 */
export function NotificationBell({ initialUnread }: { initialUnread: number }) {
  const { unread, latestId } = useNotificationSummary(initialUnread);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<NotificationView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  // While open, the list is read, and read again when something new arrives.
  useEffect(() => {
    if (!open) return;
    let current = true;
    callOperation(listNotifications).then(
      ({ notifications }) => {
        if (!current) return;
        setItems(notifications.slice(0, LATEST));
        setError(null);
      },
      (failure: unknown) => current && setError(failure instanceof ApiError ? failure.message : "Your notifications could not be loaded."),
    );
    return () => {
      current = false;
    };
  }, [open, latestId]);

  useEffect(() => {
    if (!open) return;
    const outside = (event: Event) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("pointerdown", outside);
    document.addEventListener("focusin", outside);
    return () => {
      document.removeEventListener("pointerdown", outside);
      document.removeEventListener("focusin", outside);
    };
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const opened = useCallback((id: number) => {
    setItems((current) => current?.map((item) => (item.id === id ? { ...item, read: true } : item)) ?? null);
    setOpen(false);
  }, []);

  return (
    <div
      className="bell"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === "Escape" && open) {
          event.stopPropagation();
          close();
        }
      }}
    >
      <button
        ref={button}
        type="button"
        className="account-nav__notifications bell__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={unread ? `Notifications, ${unread} unread` : "Notifications"}
        data-testid="notification-bell"
        onClick={() => setOpen(!open)}
      >
        <BellIcon />
        <span className="account-nav__label">Notifications</span>
        {unread > 0 && (
          <span className="badge" data-testid="unread-badge">
            {unread}
          </span>
        )}
      </button>
      <div id={panelId} className="bell__panel" hidden={!open}>
        <div className="bell__header">
          <h2 className="bell__title">Notifications</h2>
          {unread > 0 && (
            <button
              type="button"
              className="link-button"
              onClick={async () => {
                try {
                  await callOperation(markNotificationsRead, { body: { ids: "all" } });
                  setItems((current) => current?.map((item) => ({ ...item, read: true })) ?? null);
                  window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
                } catch (failure) {
                  setError(failure instanceof ApiError ? failure.message : "That did not work. Please try again.");
                }
              }}
            >
              Mark all read
            </button>
          )}
        </div>
        {error && (
          <p className="form-message form-message--error" role="alert">
            {error}
          </p>
        )}
        {items === null && !error ? (
          <p className="bell__empty">Loading…</p>
        ) : items?.length === 0 ? (
          <p className="bell__empty">Nothing yet. When someone replies to you or mentions you, it appears here.</p>
        ) : (
          <ol className="notification-list bell__list">
            {items?.map((item) => (
              <NotificationItem key={item.id} notification={item} onOpened={opened} />
            ))}
          </ol>
        )}
        <Link href="/notifications" className="bell__all" onClick={() => setOpen(false)}>
          All notifications
        </Link>
      </div>
    </div>
  );
}
