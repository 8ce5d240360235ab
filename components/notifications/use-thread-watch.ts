"use client";

import { useEffect, useState } from "react";
import { callOperation } from "@/components/api-client";
import { listThreadWatches } from "@/lib/notifications/contracts.browser";

type Mode = "watch" | "mute" | "default";

// Threads on one page ask together: the roots mounting in one turn are sent as one request (at most 100 per request).
let queued = new Map<number, ((mode: Mode) => void)[]>();
let flushing: Promise<void> | null = null;

function flush(): void {
  const batch = queued;
  queued = new Map();
  flushing = null;
  const ids = [...batch.keys()];
  for (let start = 0; start < ids.length; start += 100) {
    const chunk = ids.slice(start, start + 100);
    void callOperation(listThreadWatches, { query: { roots: chunk.join(",") } }).then(
      ({ watches }) => chunk.forEach((id) => batch.get(id)?.forEach((tell) => tell(watches[id] ?? "default"))),
      () => chunk.forEach((id) => batch.get(id)?.forEach((tell) => tell("default"))),
    );
  }
}

/** The reader's watch/mute choice for a thread, read in one batched request with the page's other threads (null until it is known). */
export function useThreadWatch(rootId: number): [Mode | null, (mode: Mode) => void] {
  const [mode, setMode] = useState<Mode | null>(null);
  useEffect(() => {
    let live = true;
    queued.set(rootId, [...(queued.get(rootId) ?? []), (known) => live && setMode((current) => current ?? known)]);
    flushing ??= Promise.resolve().then(flush);
    return () => {
      live = false;
    };
  }, [rootId]);
  return [mode, setMode];
}
