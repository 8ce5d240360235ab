"use client";

import { useEffect, useState } from "react";
import { callOperation } from "@/components/api-client";
import { followEventStream, jitter, sleep } from "@/components/live/follow-event-stream";
import { notificationSummary, streamNotifications } from "@/lib/notifications/contracts.browser";

/** How often the bell asks for its summary while the server refuses it a stream (503). */
const POLL_MS = 15_000;

/** Sent on window when this tab read or opened notifications, so the bell asks again at once (its stream says so too, a moment later). */
export const NOTIFICATIONS_CHANGED = "glossa:notifications-changed";

interface Summary {
  unread: number;
  latestId: number | null;
}

/** The Web Lock the tab that holds the bell's stream takes, and the channel it tells the reader's other tabs on. */
const BELL_LOCK = "glossa-bell";

/**
 * The reader's unread count, live: the bell's event stream
 * (GET /api/notifications/events) sends the summary when it opens and again
 * whenever a notification arrives or is read, in any tab. One tab of the
 * browser holds the stream (a Web Lock) and tells the others over a
 * BroadcastChannel, since over HTTP/1.1 a browser opens at most six
 * connections to a site, and each essay tab already holds its discussion's
 * stream; when that tab closes, the next one takes the lock and opens it.
 * While the server refuses a stream, the bell asks for the summary every
 * ~15 s instead. `latestId` changes whenever a new notification arrives (an
 * unread count can stay the same while one is read and another arrives).
 */
export function useNotificationSummary(initialUnread: number): Summary {
  const [summary, setSummary] = useState<Summary>({ unread: initialUnread, latestId: null });

  useEffect(() => {
    const stop = new AbortController();
    const show = (next: Summary) => {
      if (!stop.signal.aborted) setSummary((shown) => (shown.unread === next.unread && shown.latestId === next.latestId ? shown : next));
    };
    const tabs = typeof BroadcastChannel === "function" ? new BroadcastChannel(BELL_LOCK) : null;
    tabs?.addEventListener("message", (message: MessageEvent<Summary>) => show(message.data));
    const tell = (next: Summary) => {
      show(next);
      tabs?.postMessage(next);
    };
    const ask = () => {
      callOperation(notificationSummary).then(
        tell,
        // Offline, signed out or the server is away: the stream or the next poll will tell.
        () => undefined,
      );
    };
    // Holds the lock, and the stream, until this tab's bell goes away.
    const lead = () =>
      new Promise<void>((released) => {
        followEventStream(
          {
            url: () => streamNotifications.path,
            onFrame: ({ event, data }) => {
              if (event !== "notifications") return;
              try {
                tell(JSON.parse(data) as { unread: number; latestId: number });
              } catch {
                // A frame we cannot read is skipped; the next one carries on.
              }
            },
            whileRefused: async (until, signal) => {
              while (!signal.aborted && Date.now() < until) {
                ask();
                await sleep(jitter(Math.min(POLL_MS, Math.max(0, until - Date.now()) + 1)), signal);
              }
            },
          },
          stop.signal,
        );
        stop.signal.addEventListener("abort", () => released(), { once: true });
      });
    if (typeof navigator.locks?.request === "function") navigator.locks.request(BELL_LOCK, { signal: stop.signal }, lead).catch(() => undefined);
    else void lead();
    window.addEventListener(NOTIFICATIONS_CHANGED, ask);
    return () => {
      stop.abort();
      tabs?.close();
      window.removeEventListener(NOTIFICATIONS_CHANGED, ask);
    };
  }, []);

  return summary;
}
