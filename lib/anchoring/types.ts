/**
 * Selector and anchor types, after the W3C Web Annotation Data Model
 * (https://www.w3.org/TR/annotation-model/#selectors). Offsets are UTF-16
 * code units into an essay revision's canonical text, half-open [start, end)
 * (see lib/essays/document.ts).
 */

/** The quoted words with some context either side, to find them again after edits. */
export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix: string;
  suffix: string;
}

/** Where the words were in the revision they were selected on. */
export interface TextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

/** Both selectors, as stored for every highlight. */
export interface Selectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/** How an anchor was found, from cheapest to most forgiving. */
export type AnchorMethod = "position" | "quote" | "fuzzy";

/** A highlight placed in a text, with how sure the placement is (0–1). */
export interface PlacedAnchor {
  status: "anchored";
  start: number;
  end: number;
  confidence: number;
  method: AnchorMethod;
}

/** A highlight that could not be placed with enough confidence; it is kept, not dropped. */
export interface OrphanedAnchor {
  status: "orphaned";
  reason: string;
}

/** The outcome of anchoring one highlight. */
export type Anchor = PlacedAnchor | OrphanedAnchor;
