"use client";

import { useEffect, useRef } from "react";

/** A discussion change announced by the server: ids only. */
export interface DiscussionSignal {
  eventId: number;
  kind: "comment" | "edit" | "delete" | "vote" | "moderation" | "highlight";
  commentId: number | null;
  /** Set on "highlight" events: a public highlight was made, changed or removed. */
  highlightId?: string | null;
}

type Listener = (signal: DiscussionSignal) => void;

/** How often the page asks for events while the server refuses it a stream (503). */
const POLL_MS = 10_000;
/** Reconnection after a dropped stream or a network error: 1 s doubling to 30 s, with jitter. */
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
/** The longest a refused page waits before asking for a stream again, however often it was refused. */
const MAX_REFUSED_MS = 10 * 60_000;
/** Event ids remembered to drop repeats (the polling windows overlap, and a resumed stream may resend). */
const REMEMBERED_IDS = 1_000;

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });

/** `ms` give or take a fifth, so pages refused together do not come back together. */
const jitter = (ms: number) => ms * (0.8 + Math.random() * 0.4);

function retryAfterMs(response: Response): number {
  const seconds = Number(response.headers.get("retry-after"));
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 30_000;
}

/**
 * Follows an essay's events for the whole page, from `after`: over a
 * Server-Sent Events stream read with fetch (an EventSource cannot see a
 * 503 or its Retry-After, and gives up on it for good). When the server
 * refuses a stream (503, its caps on open streams), the page polls
 * `GET …/events` as JSON every ~10 s and asks for a stream again once
 * Retry-After has passed (doubling each time it is refused again). A 404 or
 * other 4xx ends it; a dropped connection or a 5xx reconnects with backoff.
 */
function follow(essayId: string, after: number, emit: Listener): () => void {
  const stop = new AbortController();
  const seen = new Set<number>();
  let position = after;
  const url = (from: number) => `/api/essays/${encodeURIComponent(essayId)}/events?after=${from}`;

  const deliver = (signal: DiscussionSignal) => {
    if (!Number.isSafeInteger(signal.eventId) || seen.has(signal.eventId)) return;
    seen.add(signal.eventId);
    if (seen.size > REMEMBERED_IDS) seen.delete(seen.values().next().value!);
    position = Math.max(position, signal.eventId);
    emit(signal);
  };

  /** Reads an open stream until it ends, delivering each discussion event. */
  async function read(body: ReadableStream<Uint8Array>): Promise<void> {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true }).replace(/\r\n?/g, "\n");
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let id: number | null = null;
        let event = "message";
        let data = "";
        for (const line of block.split("\n")) {
          if (line.startsWith("id:")) id = Number(line.slice(3).trim());
          else if (line.startsWith("event:")) event = line.slice(6).trim();
          else if (line.startsWith("data:")) data += line.slice(5).trim();
        }
        if (event !== "discussion" || id === null || !data) continue;
        try {
          deliver({ ...(JSON.parse(data) as Omit<DiscussionSignal, "eventId">), eventId: id });
        } catch {
          // A frame we cannot read is skipped; the next one carries on.
        }
      }
    }
  }

  /**
   * Polls until `until`; each poll asks again from where the one before
   * began, so an event that commits late is still seen. Returns where the
   * stream should resume from, for the same reason.
   */
  async function poll(until: number): Promise<number> {
    let floor = position;
    let wait = POLL_MS;
    while (!stop.signal.aborted && Date.now() < until) {
      await sleep(jitter(Math.min(wait, Math.max(0, until - Date.now()) + 1)), stop.signal);
      if (stop.signal.aborted) break;
      const start = position;
      try {
        const response = await fetch(url(floor), { headers: { accept: "application/json" }, cache: "no-store", signal: stop.signal });
        if (response.status === 404) {
          stop.abort();
          break;
        }
        if (!response.ok) throw new Error(String(response.status));
        const page = (await response.json()) as { events: { id: number; kind: DiscussionSignal["kind"]; commentId: number | null; highlightId: string | null }[] };
        for (const event of page.events) deliver({ eventId: event.id, kind: event.kind, commentId: event.commentId, highlightId: event.highlightId });
        floor = start;
        wait = POLL_MS;
      } catch {
        wait = Math.min(wait * 2, 60_000);
      }
    }
    return floor;
  }

  void (async () => {
    let failures = 0;
    let refusals = 0;
    let resumeFrom = position;
    while (!stop.signal.aborted) {
      let response: Response | null = null;
      try {
        response = await fetch(url(Math.min(resumeFrom, position)), { headers: { accept: "text/event-stream" }, cache: "no-store", signal: stop.signal });
      } catch {
        response = null;
      }
      if (stop.signal.aborted) return;
      if (response?.status === 503) {
        refusals += 1;
        await response.body?.cancel().catch(() => undefined);
        resumeFrom = await poll(Date.now() + Math.min(MAX_REFUSED_MS, retryAfterMs(response) * 2 ** Math.min(refusals - 1, 5)));
        continue;
      }
      if (response && response.status >= 400 && response.status < 500) return;
      if (response?.ok && response.body) {
        refusals = 0;
        resumeFrom = Number.POSITIVE_INFINITY;
        const opened = Date.now();
        try {
          await read(response.body);
        } catch {
          // Dropped: reconnect below.
        }
        // A stream that stayed up a while was a good connection: start the backoff over.
        if (Date.now() - opened > MAX_RETRY_MS) failures = 0;
      }
      if (stop.signal.aborted) return;
      const ceiling = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** failures);
      failures += 1;
      await sleep(ceiling / 2 + (Math.random() * ceiling) / 2, stop.signal);
    }
  })();

  return () => stop.abort();
}

// One follower per essay for the whole page, shared by every component
// that follows the discussion (the general discussion, passage panels).
const streams = new Map<string, { stop: () => void; listeners: Set<Listener> }>();

/** Calls `onSignal` for every change to the essay's discussion, from any app instance, without reloading. */
export function useDiscussionStream(essayId: string, after: number, onSignal: Listener) {
  const handler = useRef(onSignal);
  useEffect(() => {
    handler.current = onSignal;
  });
  useEffect(() => {
    let stream = streams.get(essayId);
    if (!stream) {
      const listeners = new Set<Listener>();
      stream = { listeners, stop: follow(essayId, after, (signal) => listeners.forEach((listener) => listener(signal))) };
      streams.set(essayId, stream);
    }
    const listener: Listener = (signal) => handler.current(signal);
    stream.listeners.add(listener);
    return () => {
      stream.listeners.delete(listener);
      if (stream.listeners.size === 0) {
        stream.stop();
        streams.delete(essayId);
      }
    };
  }, [essayId, after]);
}
