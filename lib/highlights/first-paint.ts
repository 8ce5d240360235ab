import { coverageSegments } from "./coverage";
import type { OwnPaint, PaintScene } from "./paint";

/**
 * What the essay page paints before the full highlight list arrives: the
 * reader's own placed highlights, and everyone else's public ones already
 * reduced to density segments, flat as [start, end, readers, …]. For the
 * thread benchmark's 5,000 highlights that is 23 KB of JSON against the
 * list's 2.36 MB, which took 175 ms to serve and arrived 780 ms after the
 * load event (bench:reading, median of 15).
 */
export interface FirstPaint {
  own: OwnPaint[];
  density: number[];
}

/** The first paint of the highlights `readers` (start, end, reader id) and `own`. */
export function firstPaintOf(own: OwnPaint[], others: readonly { start: number; end: number; reader: string }[]): FirstPaint {
  const segments = coverageSegments(others.map(({ start, end, reader }) => ({ start, end, authorHandle: reader })));
  return { own, density: segments.flatMap(({ start, end, readers }) => [start, end, readers]) };
}

/** The scene of a first paint for the reader's layer choice ("none" paints nothing, "mine" only their own). */
export function sceneOfFirstPaint(first: FirstPaint, layer: "mine" | "everyone" | "none"): PaintScene {
  if (layer === "none") return { own: [], density: [] };
  const density = [];
  if (layer === "everyone") for (let i = 0; i + 2 < first.density.length; i += 3) density.push({ start: first.density[i]!, end: first.density[i + 1]!, readers: first.density[i + 2]! });
  return { own: first.own, density };
}
