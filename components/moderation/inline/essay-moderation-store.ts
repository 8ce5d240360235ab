import { useSyncExternalStore } from "react";
import type { EssayModeration } from "@/lib/moderation/load-essay-moderation";

// One essay page at a time: the moderator's extras (EssayModeration) are
// published here by the bridge the page renders beside its article, and read
// by each comment's and note's moderation slot. A store rather than a context
// provider, so the page's tree (and a reader's payload) stays as it is and the
// extras stream in on their own without holding the article back.
let current: EssayModeration | null = null;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Replaces the page's moderation extras (null: not a moderator's page, or the page is gone). */
export function publishEssayModeration(next: EssayModeration | null): void {
  current = next;
  for (const listener of listeners) listener();
}

/** Changes the extras after an action (reports settled, a note hidden), without a reload. */
export function reviseEssayModeration(change: (value: EssayModeration) => EssayModeration): void {
  if (current) publishEssayModeration(change(current));
}

/** The page's moderation extras, or null for everyone but a moderator (and on the server, so no reader's HTML has them). */
export function useEssayModeration(): EssayModeration | null {
  return useSyncExternalStore(
    subscribe,
    () => current,
    () => null,
  );
}
