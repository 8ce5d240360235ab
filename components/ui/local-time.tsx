"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * A moment shown in the reader's own time zone. The server knows no reader's
 * zone, so it renders the time in UTC, labelled as such; once in the browser
 * the same <time> shows the reader's local time and zone.
 */
export function LocalTime({ iso, options = { dateStyle: "medium", timeStyle: "short" } }: { iso: string; options?: Intl.DateTimeFormatOptions }) {
  const inBrowser = useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
  const date = new Date(iso);
  const text = inBrowser ? `${date.toLocaleString(undefined, options)} ${zoneName(date)}` : `${date.toLocaleString("en-GB", { ...options, timeZone: "UTC" })} UTC`;
  return (
    <time dateTime={iso} title={inBrowser ? date.toString() : undefined}>
      {text}
    </time>
  );
}

function zoneName(date: Date): string {
  return new Intl.DateTimeFormat(undefined, { timeZoneName: "short" }).formatToParts(date).find((part) => part.type === "timeZoneName")?.value ?? "";
}
