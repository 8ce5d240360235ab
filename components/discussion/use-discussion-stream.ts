"use client";

import { useEffect, useRef } from "react";

/** A discussion change announced by the server: ids only. */
export interface DiscussionSignal {
  eventId: number;
  kind: "comment" | "edit" | "delete" | "vote" | "moderation";
  commentId: number | null;
}

type Listener = (signal: DiscussionSignal) => void;

// One EventSource per essay for the whole page, shared by every component
// that follows the discussion (the general discussion, passage panels).
const streams = new Map<string, { source: EventSource; listeners: Set<Listener> }>();

function open(essayId: string, after: number) {
  const listeners = new Set<Listener>();
  const source = new EventSource(`/api/essays/${essayId}/events?after=${after}`);
  // EventSource resends Last-Event-ID on reconnection, so the server replays what was missed.
  source.addEventListener("discussion", (event) => {
    const message = event as MessageEvent<string>;
    const data = JSON.parse(message.data) as Omit<DiscussionSignal, "eventId">;
    const signal = { ...data, eventId: Number(message.lastEventId) };
    for (const listener of listeners) listener(signal);
  });
  return { source, listeners };
}

/** Calls `onSignal` for every change to the essay's discussion, from any app instance, without reloading. */
export function useDiscussionStream(essayId: string, after: number, onSignal: Listener) {
  const handler = useRef(onSignal);
  useEffect(() => {
    handler.current = onSignal;
  });
  useEffect(() => {
    let stream = streams.get(essayId);
    if (!stream) {
      stream = open(essayId, after);
      streams.set(essayId, stream);
    }
    const listener: Listener = (signal) => handler.current(signal);
    stream.listeners.add(listener);
    return () => {
      stream.listeners.delete(listener);
      if (stream.listeners.size === 0) {
        stream.source.close();
        streams.delete(essayId);
      }
    };
  }, [essayId, after]);
}
