import { anchorAtPosition, anchorInPrepared, prepareText } from "./anchor";
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
      const atPosition = anchorAtPosition(selectors, text);
      if (atPosition) return atPosition;
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

/**
 * Lets the event loop run (input, rendering) before the next chunk. A
 * message on a MessageChannel is a task of its own, as a timeout is, but
 * browsers clamp nested timeouts to 4 ms: with 8 ms chunks that was a third
 * of the run again (Chromium, bench:anchoring's edited essay).
 */
const yieldToEventLoop = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });

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
