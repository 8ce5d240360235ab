"use client";

import { useSyncExternalStore } from "react";

const MINUTE = 60_000;

/** Ticks every listener once a minute, on one timer shared by every <RelativeTime> on the page. */
const minuteClock = (() => {
  const listeners = new Set<() => void>();
  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    subscribe(listener: () => void) {
      listeners.add(listener);
      timer ??= setInterval(() => listeners.forEach((notify) => notify()), MINUTE / 2);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) timer = clearInterval(timer) ?? undefined;
      };
    },
    // Floored so that React sees one value for the whole minute.
    now: () => Math.floor(Date.now() / MINUTE) * MINUTE,
  };
})();

/** The time to the minute once in the browser; null on the server and while hydrating, where no reader's clock is known. */
export function useMinuteClock(): number | null {
  return useSyncExternalStore(minuteClock.subscribe, minuteClock.now, () => null);
}

/** How long ago a moment was, in the words a reader scans: "just now", "5 min ago", "3 h ago", then the date. */
export function sinceText(iso: string, now: number): string {
  const minutes = Math.floor((now - Date.parse(iso)) / MINUTE);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
}

/**
 * A moment shown as how long ago it was, kept current once a minute. The
 * server's clock and zone are not the reader's, and a text that differs
 * between the server's HTML and the browser's first render makes React throw
 * the server's HTML away and draw the whole discussion again (CI saw a thread
 * detached under a test's hands when "5 min ago" became "6 min ago"). So the
 * server, and the browser while hydrating, show the date in UTC; the browser
 * switches to "… ago" as soon as it has hydrated.
 */
export function RelativeTime({ iso }: { iso: string }) {
  const now = useMinuteClock();
  return (
    <time dateTime={iso} title={now === null ? undefined : new Date(iso).toLocaleString()}>
      {now === null ? new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }) : sinceText(iso, now)}
    </time>
  );
}
