/**
 * Anchoring: describing a passage of an essay revision with W3C selectors and
 * finding it again in the same or a later revision. Pure TypeScript, no DOM,
 * React or database: the server uses it to re-anchor highlights when an essay
 * is revised, and the browser (through ./dom) to turn selections into offsets.
 */
export { anchor, ORPHAN_THRESHOLD } from "./anchor";
export { anchorAll, anchorAllInChunks, createAnchorer } from "./batch";
export { describe } from "./describe";
export { normalise } from "./normalise";
export type { Anchor, Selectors } from "./types";
