"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { callOperation } from "@/components/api-client";
import { notificationSummary } from "@/lib/notifications/contracts";

/** The first wait between polls, and the longest: an unchanged answer stretches the wait by half each time, a change brings it back. */
const FIRST_POLL_MS = 3_000;
const MAX_POLL_MS = 15_000;

/** Sent on window when this tab read or opened notifications, so the bell asks again at once. */
export const NOTIFICATIONS_CHANGED = "glossa:notifications-changed";

/**
 * The reader's unread count, kept live by polling a two-number endpoint:
 * every 3 s after a change, backing off to every 15 s while nothing
 * happens, paused while the tab is hidden, and asked again at once when the
 * tab comes back into view or gets focus. `latestId` changes whenever a new
 * notification arrives (an unread count can stay the same while one is read
 * and another arrives).
 */
export function useNotificationSummary(initialUnread: number): { unread: number; latestId: number | null; refresh: () => void } {
  const [summary, setSummary] = useState<{ unread: number; latestId: number | null }>({ unread: initialUnread, latestId: null });
  const last = useRef<string>("");
  const delay = useRef(FIRST_POLL_MS);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const poll = useRef<() => void>(() => undefined);

  useEffect(() => {
    let stopped = false;
    const schedule = () => {
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (stopped || document.visibilityState === "hidden") return;
      timer.current = setTimeout(() => poll.current(), delay.current);
    };
    poll.current = async () => {
      try {
        const next = await callOperation(notificationSummary);
        const key = `${next.unread}:${next.latestId}`;
        delay.current = key === last.current ? Math.min(MAX_POLL_MS, delay.current * 1.5) : FIRST_POLL_MS;
        last.current = key;
        if (!stopped) setSummary(next);
      } catch {
        // Offline, signed out or the server is away: try again later, no sooner than the current wait.
        delay.current = Math.min(MAX_POLL_MS, delay.current * 2);
      }
      schedule();
    };
    const wake = () => {
      if (document.visibilityState === "hidden") return schedule();
      delay.current = FIRST_POLL_MS;
      void poll.current();
    };
    document.addEventListener("visibilitychange", wake);
    window.addEventListener("focus", wake);
    window.addEventListener(NOTIFICATIONS_CHANGED, wake);
    schedule();
    return () => {
      stopped = true;
      if (timer.current) clearTimeout(timer.current);
      document.removeEventListener("visibilitychange", wake);
      window.removeEventListener("focus", wake);
      window.removeEventListener(NOTIFICATIONS_CHANGED, wake);
    };
  }, []);

  const refresh = useCallback(() => {
    delay.current = FIRST_POLL_MS;
    void poll.current();
  }, []);
  return { ...summary, refresh };
}
