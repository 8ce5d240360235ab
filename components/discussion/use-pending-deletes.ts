"use client";

import { useCallback, useEffect, useRef, useState } from "react";

/** How long a deleted comment can be brought back (as long as a highlight's Undo toast stays). */
const UNDO_DELETE_MS = 8000;

/**
 * Deletion with a way back. The DELETE is not sent until the undo window
 * has passed, so a deletion that is undone never reaches the server, and so
 * never reaches other readers' streams. Leaving the page during the window
 * deletes: the pending calls go out at once when the discussion unmounts
 * (navigating inside the site) or the page is hidden (closing the tab,
 * following a link out), as `keepalive` requests that outlive the page.
 */
export function usePendingDeletes(commit: (id: number, leaving: boolean) => void): { pending: ReadonlySet<number>; schedule(id: number): void; undo(id: number): void } {
  const [pending, setPending] = useState<ReadonlySet<number>>(new Set());
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());
  const commitRef = useRef(commit);
  useEffect(() => {
    commitRef.current = commit;
  });

  const settle = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setPending((current) => {
      const next = new Set(current);
      next.delete(id);
      return next;
    });
  }, []);

  const schedule = useCallback(
    (id: number) => {
      if (timers.current.has(id)) return;
      setPending((current) => new Set(current).add(id));
      timers.current.set(
        id,
        setTimeout(() => {
          settle(id);
          commitRef.current(id, false);
        }, UNDO_DELETE_MS),
      );
    },
    [settle],
  );

  useEffect(() => {
    const all = timers.current;
    const flush = () => {
      for (const [id, timer] of all) {
        clearTimeout(timer);
        commitRef.current(id, true);
      }
      all.clear();
      setPending(new Set());
    };
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      flush();
    };
  }, []);

  return { pending, schedule, undo: settle };
}
