"use client";

import { useSyncExternalStore } from "react";

const KEY = (essayId: string) => `glossa:last-visit:${essayId}`;

// Read once per page load, per essay: every discussion on the page (general,
// passages, a passage's panel) marks against the same visit, although the
// first of them has already stored this one.
const previousVisits = new Map<string, number | null>();

function previousVisit(essayId: string): number | null {
  if (!previousVisits.has(essayId)) {
    let previous: number | null = null;
    try {
      const stored = Number(localStorage.getItem(KEY(essayId)));
      previous = Number.isFinite(stored) && stored > 0 ? stored : null;
      localStorage.setItem(KEY(essayId), String(Date.now()));
    } catch {
      // Storage refused (private mode, quota): no markers, nothing else changes.
    }
    previousVisits.set(essayId, previous);
  }
  return previousVisits.get(essayId)!;
}

/**
 * When this reader last opened the essay in this browser (ms since the
 * epoch), or null on a first visit: comments by others posted after it are
 * marked "new". Kept in localStorage, so it costs the server nothing; this
 * visit is stored as the next one's mark.
 */
export function useLastVisit(essayId: string): number | null {
  // Fixed for the page's life (nothing to subscribe to); on the server, and while hydrating, there is none.
  return useSyncExternalStore(
    noSubscription,
    () => previousVisit(essayId),
    () => null,
  );
}

const noSubscription = () => () => undefined;
