import { coverageSegments, topPassages, type CoverageSegment } from "@/lib/highlights/coverage";
import type { PaintScene } from "@/lib/highlights/paint";
import type { HighlightView } from "@/lib/highlights/view";

/** Which highlights the reader has chosen to see. */
export type HighlightLayerChoice = "mine" | "everyone" | "none";

/** The highlights to paint for a layer choice: one's own by colour (private ones marked so), everyone else's as density. */
export function sceneFor(highlights: readonly HighlightView[], layer: HighlightLayerChoice): PaintScene {
  if (layer === "none") return { own: [], density: [] };
  const placed = highlights.filter((highlight) => !highlight.orphaned);
  const own = placed.filter((highlight) => highlight.mine).map(({ id, start, end, colour, visibility }) => ({ id, start, end, colour, private: visibility === "private" }));
  if (layer === "mine") return { own, density: [] };
  const others = placed.filter((highlight) => !highlight.mine && highlight.visibility === "public");
  return { own, density: coverageSegments(others.map(({ start, end, author }) => ({ start, end, authorHandle: author.handle }))) };
}

/** Passages at least three distinct readers highlighted (one's own public highlights count too). */
export function topHighlights(highlights: readonly HighlightView[]): CoverageSegment[] {
  const publicPlaced = highlights.filter((highlight) => !highlight.orphaned && highlight.visibility === "public");
  return topPassages(publicPlaced.map(({ start, end, author }) => ({ start, end, authorHandle: author.handle })));
}

/** Distinct readers among highlights. */
export function readerCount(highlights: readonly HighlightView[]): number {
  return new Set(highlights.map((highlight) => highlight.author.handle)).size;
}
