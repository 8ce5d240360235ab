"use client";

import { useEffect, useRef } from "react";
import { followEventStream, jitter, sleep } from "@/components/live/follow-event-stream";

/** A discussion change announced by the server: ids only. */
export interface DiscussionSignal {
  eventId: number;
  kind: "comment" | "edit" | "delete" | "vote" | "moderation" | "highlight" | "revision";
  commentId: number | null;
  /** Set on "highlight" events: a public highlight was made, changed or removed. */
  highlightId?: string | null;
}

type Listener = (signal: DiscussionSignal) => void;

/** How often the page asks for events while the server refuses it a stream (503). */
const POLL_MS = 10_000;
/** Event ids remembered to drop repeats (the polling windows overlap, and a resumed stream may resend). */
const REMEMBERED_IDS = 1_000;

/**
 * Follows an essay's events for the whole page, from `after`, over its
 * event stream (follow-event-stream.ts). While the server refuses a stream,
 * the page polls `GET …/events` as JSON every ~10 s. A stream that drops
 * resumes from the last event seen; after polling, from where the last poll
 * began, so an event that commits late is still seen.
 */
function follow(essayId: string, after: number, emit: Listener): () => void {
  const stop = new AbortController();
  const seen = new Set<number>();
  let position = after;
  let resumeFrom = position;
  const url = (from: number) => `/api/essays/${encodeURIComponent(essayId)}/events?after=${from}`;

  const deliver = (signal: DiscussionSignal) => {
    if (!Number.isSafeInteger(signal.eventId) || seen.has(signal.eventId)) return;
    seen.add(signal.eventId);
    if (seen.size > REMEMBERED_IDS) seen.delete(seen.values().next().value!);
    position = Math.max(position, signal.eventId);
    emit(signal);
  };

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

  followEventStream(
    {
      url: () => url(Math.min(resumeFrom, position)),
      onOpen: () => {
        resumeFrom = Number.POSITIVE_INFINITY;
      },
      onFrame: ({ id, event, data }) => {
        if (event !== "discussion" || id === null) return;
        try {
          deliver({ ...(JSON.parse(data) as Omit<DiscussionSignal, "eventId">), eventId: id });
        } catch {
          // A frame we cannot read is skipped; the next one carries on.
        }
      },
      whileRefused: async (until) => {
        resumeFrom = await poll(until);
      },
    },
    stop.signal,
  );
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
