import { anchorInPrepared, prepareText } from "./anchor";
import type { Anchor, Selectors } from "./types";

/** Anchors highlights in one text, preparing the text only once. */
export interface Anchorer {
  anchor(selectors: Selectors): Anchor;
}

/** Prepares `text` once and returns an anchorer for any number of highlights in it. */
export function createAnchorer(text: string): Anchorer {
  let prepared: ReturnType<typeof prepareText> | undefined;
  return {
    anchor(selectors) {
      // Normalisation is only needed once a stored position has failed, so
      // an unchanged essay never pays for it.
      const { start, end } = selectors.position;
      if (text.slice(start, end) === selectors.quote.exact && selectors.quote.exact) {
        return { status: "anchored", start, end, confidence: 1, method: "position" };
      }
      prepared ??= prepareText(text);
      return anchorInPrepared(selectors, prepared);
    },
  };
}

/** Anchors every highlight in `list` against `text`, in order. */
export function anchorAll(list: readonly Selectors[], text: string): Anchor[] {
  const anchorer = createAnchorer(text);
  return list.map((selectors) => anchorer.anchor(selectors));
}

/** Timing of a chunked anchoring run: the longest stretch the main thread was held. */
export interface ChunkedAnchoring {
  anchors: Anchor[];
  longestTaskMs: number;
  tasks: number;
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Anchors like `anchorAll`, but yields to the event loop whenever a chunk
 * has run for `budgetMs`, so a page stays responsive (no task over ~50 ms)
 * while hundreds of edited highlights are matched fuzzily.
 */
export async function anchorAllInChunks(list: readonly Selectors[], text: string, options: { budgetMs?: number } = {}): Promise<ChunkedAnchoring> {
  const budget = options.budgetMs ?? 8;
  const anchorer = createAnchorer(text);
  const anchors: Anchor[] = [];
  let longestTaskMs = 0;
  let tasks = 1;
  let taskStart = performance.now();
  for (const selectors of list) {
    anchors.push(anchorer.anchor(selectors));
    const elapsed = performance.now() - taskStart;
    if (elapsed >= budget) {
      longestTaskMs = Math.max(longestTaskMs, elapsed);
      await yieldToEventLoop();
      tasks += 1;
      taskStart = performance.now();
    }
  }
  longestTaskMs = Math.max(longestTaskMs, performance.now() - taskStart);
  return { anchors, longestTaskMs, tasks };
}
