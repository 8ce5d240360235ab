import search, { type Match } from "approx-string-match";
import { BLOCK_BREAK, blockBreaksIn, endsNear, insideWord, quoteEndsInsideWord, quoteStartsInsideWord, startsNear } from "./boundaries";
import { contextAgreement, contextEvidence } from "./context";
import { normalise, normaliseString, type NormalisedText } from "./normalise";
import type { Anchor, OrphanedAnchor, PlacedAnchor, Selectors } from "./types";

/**
 * Below this confidence a highlight becomes an orphan: a highlight on the
 * wrong words is worse than one honestly listed as lost.
 */
export const ORPHAN_THRESHOLD = 0.7;

/** The most a fuzzy match may differ from the quote, as a share of its length. */
const MAX_ERROR_RATE = 0.25;
/** A match must keep at least this much of the quote itself. */
const MIN_QUOTE_SIMILARITY = 1 - MAX_ERROR_RATE;
/**
 * A quote of this many normalised characters or fewer (two or three words)
 * is no evidence of its place on its own words: such phrases recur, "A
 * crossing of" begins two sentences of one paragraph of the harbour column.
 */
const RECURRING_QUOTE = 12;
/**
 * A quote this long (about five words) is evidence of its place on its own
 * words, and one in between in proportion; the rest must come from its
 * context. From 25 characters a quote is placed without context (0.9 ×
 * 13 / 16 ≥ ORPHAN_THRESHOLD), as the revision set expects of quotes that
 * are not short (tests/support/revision-set/expectation.ts).
 */
const SELF_EVIDENT_QUOTE = 28;
/** How sure a self-evident quote's own words make a placement, before any context. */
const QUOTE_EVIDENCE = 0.9;
/** The share of the stronger side's extra context evidence that counts (see confidenceOf). */
const STRONGER_SIDE_SHARE = 1 / 3;
/**
 * The best place must leave at most half the doubt of the next-best other
 * place: two places about equally likely are not told apart by a guess.
 */
const DOUBT_RATIO = 2;
/** An outer part of a match across block breaks that is at least this like one of the quote's inner parts (a renamed heading) is kept. */
const MIN_SEGMENT_SIMILARITY = 0.5;
/**
 * A fragment of a match beyond a block break shorter than this (a word or
 * two) says too little to tell its block from a neighbour that begins the
 * same way: its block must also go on as the quote's did.
 */
const SHORT_FRAGMENT = 16;
/** Agreement of a block's continuation with the quote's context that counts as going on as quoted. */
const CONTINUES_AGREEMENT = 0.5;
/**
 * How many of the quote's characters decide between nearby boundary options
 * (enough to reach past a rewritten first sentence of a passage), and how
 * many more of the text they may take up.
 */
const EDGE = 48;
const EDGE_SLACK = 16;
/** A match whose first (last) this many characters are the quote's is not refined: approx-string-match strays only where an edge was edited. */
const SURE_EDGE = 8;
/** approx-string-match's cost grows with the errors allowed; Hypothesis caps them here too. */
const MAX_ERRORS = 256;
/** How far beyond where its context says it is a quote is looked for inside a match of quote and context, besides its errors. */
const QUOTE_SLACK = 8;

/** A text prepared once for anchoring many highlights in it. */
export interface PreparedText {
  text: string;
  normalised: NormalisedText;
}

/** Prepares a text for anchoring (normalisation happens once per text, not per highlight). */
export function prepareText(text: string): PreparedText {
  return { text, normalised: normalise(text) };
}

/** What is known of a highlight's quote, worked out once per highlight. */
interface Quote {
  exact: string;
  prefix: string;
  suffix: string;
  normalised: string;
  /** The quote's parts either side of each block break it crossed, normalised. */
  segments: string[];
  startsInsideWord: boolean;
  endsInsideWord: boolean;
  maxErrors: number;
}

/** A place the quote might be, in the text's own offsets. */
interface Candidate {
  start: number;
  end: number;
  similarity: number;
  confidence: number;
}

function quoteOf(selectors: Selectors): Quote {
  const { exact, prefix, suffix } = selectors.quote;
  const normalised = normaliseString(exact);
  return {
    exact,
    prefix,
    suffix,
    normalised,
    segments: exact.includes(BLOCK_BREAK) ? exact.split(BLOCK_BREAK).map(normaliseString) : [normalised],
    startsInsideWord: quoteStartsInsideWord(prefix, exact),
    endsInsideWord: quoteEndsInsideWord(exact, suffix),
    maxErrors: Math.min(MAX_ERRORS, Math.floor(normalised.length * MAX_ERROR_RATE)),
  };
}

function placed(start: number, end: number, confidence: number, method: PlacedAnchor["method"]): PlacedAnchor {
  return { status: "anchored", start, end, confidence: Math.min(1, Math.round(confidence * 1000) / 1000), method };
}

function orphaned(reason: string): OrphanedAnchor {
  return { status: "orphaned", reason };
}

/**
 * The stored position, when the quote and the context either side of it are
 * all still exactly there (an unchanged essay, or edits elsewhere). The
 * context is checked too: other edits can shift another occurrence of a
 * short quote onto the old offsets.
 */
export function anchorAtPosition(selectors: Selectors, text: string): PlacedAnchor | null {
  const { exact, prefix, suffix } = selectors.quote;
  const { start, end } = selectors.position;
  // Slices compare faster than startsWith/endsWith at a position (V8: 0.2 against 0.8 ms for 1,000 highlights).
  if (!exact || text.slice(start, end) !== exact) return null;
  if (text.slice(Math.max(0, start - prefix.length), start) !== prefix || text.slice(end, end + suffix.length) !== suffix) return null;
  return placed(start, end, 1, "position");
}

/**
 * How different `candidate` is from `quote` (both normalised): edits within
 * the best approximate occurrence of the quote in it, plus the candidate's
 * characters outside that occurrence. Infinity beyond `maxErrors`.
 */
function distance(candidate: string, quote: string, maxErrors: number): number {
  if (candidate === quote) return 0;
  let best = Infinity;
  for (const match of search(candidate, quote, maxErrors)) best = Math.min(best, match.errors + match.start + candidate.length - match.end);
  return best;
}

/**
 * Keeps a match to the blocks the quote spans. A quote within one block is
 * kept to the longest block part of the match. Of a quote across breaks, the
 * match loses outer parts that look like no part of the quote (a
 * neighbouring heading or paragraph the fuzzy search reached into), and
 * outer fragments shorter than SHORT_FRAGMENT whose block does not go on as
 * the quote's did (the next paragraph that also begins "A" or "Renaming");
 * then its shorter outer parts until it crosses no more breaks than the
 * quote.
 */
function withinQuotedBlocks(text: string, start: number, end: number, quote: Quote, knownErrors: number | undefined): { start: number; end: number } {
  const breaks = blockBreaksIn(text, start, end);
  if (breaks.length === 0) return { start, end };
  const parts = [start, ...breaks.map((at) => at + BLOCK_BREAK.length)].map((from, index) => ({ start: from, end: breaks[index] ?? end }));
  const length = (part: { start: number; end: number }) => part.end - part.start;
  const { segments } = quote;
  if (segments.length === 1) return parts.reduce((longest, part) => (length(part) > length(longest) ? part : longest));
  const like = (part: { start: number; end: number }, segment: string, least: number, aligned: boolean) => {
    const longer = Math.max(segment.length, length(part));
    // Allowing only the errors that still pass keeps the search cheap: its cost grows with the errors allowed.
    const allowed = Math.floor(longer * (1 - least));
    if (Math.abs(segment.length - length(part)) > allowed) return false;
    // A part differs from the segment it stands for by no more than the whole match from the whole quote (give or take where the break aligns).
    if (aligned && knownErrors !== undefined && knownErrors + BLOCK_BREAK.length <= allowed) return true;
    return distance(normaliseString(text.slice(part.start, part.end)), segment, allowed) <= allowed;
  };
  const belongs = (part: { start: number; end: number }, side: "prefix" | "suffix") => {
    // An outer part stands for the quote's own outer part only if it is as like it as a whole match must be: "a failure of
    // manners." is not "a failure of architecture.". One that looks like an inner part (a renamed heading) is kept.
    if (!like(part, side === "prefix" ? segments[0]! : segments.at(-1)!, MIN_QUOTE_SIMILARITY, true)) {
      // An inner part of the quote is a whole block; what stands for one must be a whole block too, not the start of a neighbour.
      const wholeBlock = side === "prefix" ? part.start === 0 || text.startsWith(BLOCK_BREAK, part.start - BLOCK_BREAK.length) : part.end === text.length || text.startsWith(BLOCK_BREAK, part.end);
      return wholeBlock && segments.slice(1, -1).some((segment) => like(part, segment, MIN_SEGMENT_SIMILARITY, false));
    }
    if (length(part) >= SHORT_FRAGMENT) return true;
    return side === "prefix" ? continuesAsQuoted(text, quote.prefix, part.start, "prefix", length(part)) : continuesAsQuoted(text, quote.suffix, part.end, "suffix", length(part));
  };
  while (parts.length > 1 && !belongs(parts.at(-1)!, "suffix")) parts.pop();
  while (parts.length > 1 && !belongs(parts[0]!, "prefix")) parts.shift();
  while (parts.length > segments.length) {
    if (length(parts[0]!) < length(parts.at(-1)!)) parts.shift();
    else parts.pop();
  }
  return { start: parts[0]!.start, end: parts.at(-1)!.end };
}

/**
 * Whether the block of a fragment `fragmentLength` long, beside `at`, goes on
 * as it did where the quote was: the quote's context up to its block break
 * agrees with the text there, or agrees exactly for long enough that
 * fragment and agreement together make SHORT_FRAGMENT characters; when the
 * quote reached its block's edge, `at` must be at a block's edge too.
 */
function continuesAsQuoted(text: string, context: string, at: number, side: "prefix" | "suffix", fragmentLength: number): boolean {
  const breakAt = side === "prefix" ? context.lastIndexOf(BLOCK_BREAK) : context.indexOf(BLOCK_BREAK);
  const inBlock = breakAt === -1 ? context : side === "prefix" ? context.slice(breakAt + BLOCK_BREAK.length) : context.slice(0, breakAt);
  if (inBlock.length === 0) return side === "prefix" ? at === 0 || text.startsWith(BLOCK_BREAK, at - BLOCK_BREAK.length) : at === text.length || text.startsWith(BLOCK_BREAK, at);
  if (contextAgreement(text, inBlock, at, side) >= CONTINUES_AGREEMENT) return true;
  let same = 0;
  if (side === "suffix") while (same < inBlock.length && text[at + same] === inBlock[same]) same++;
  else while (same < inBlock.length && text[at - 1 - same] === inBlock[inBlock.length - 1 - same]) same++;
  return fragmentLength + same >= SHORT_FRAGMENT;
}

/**
 * The edit distance between `edge` and the best-matching run of `window`
 * that begins at its first character (`fromEnd`: that ends at its last), the
 * other end of the run free: how well the quote's first (last) characters
 * fit a match starting (ending) there.
 */
function edgeCost(window: string, edge: string, fromEnd: boolean): number {
  const width = window.length;
  let previous = new Int32Array(width + 1);
  let current = new Int32Array(width + 1);
  for (let column = 0; column <= width; column++) previous[column] = column;
  for (let row = 1; row <= edge.length; row++) {
    current[0] = row;
    const char = edge.charCodeAt(fromEnd ? edge.length - row : row - 1);
    for (let column = 1; column <= width; column++) {
      const same = char === window.charCodeAt(fromEnd ? width - column : column - 1);
      current[column] = Math.min(previous[column - 1]! + (same ? 0 : 1), previous[column]! + 1, current[column - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  let best = previous[0]!;
  for (let column = 1; column <= width; column++) best = Math.min(best, previous[column]!);
  return best;
}

/** Of the options, the one whose text fits the quote's edge best; the first listed among equals. */
function bestEdge(options: readonly number[], costOf: (option: number) => number): number | null {
  if (options.length <= 1) return options[0] ?? null;
  let best: { option: number; cost: number } | null = null;
  for (const option of options) {
    const cost = costOf(option);
    if (!best || cost < best.cost) best = { option, cost };
    // Nothing beats a perfect fit; the match's own boundary is listed first and usually is one.
    if (cost === 0) break;
  }
  return best?.option ?? null;
}

/**
 * Fits a raw match to the text: spaces trimmed, kept to the blocks the quote
 * spans, and its start and end moved to the nearby word boundaries (unless
 * the quote itself began or ended inside a word) that make it most like the
 * quote. Returns the fitted span and how like the quote it is, or null.
 */
function fit(text: string, rawStart: number, rawEnd: number, quote: Quote, knownErrors?: number): { start: number; end: number; similarity: number } | null {
  let start = rawStart;
  let end = rawEnd;
  if (!/^\s/.test(quote.exact)) while (start < end && /\s/.test(text[start]!)) start++;
  if (!/\s$/.test(quote.exact)) while (end > start && /\s/.test(text[end - 1]!)) end--;
  if (start >= end) return null;
  // The quote itself, starting and ending where words do, crossing as many block breaks with no short fragment beyond them: nothing to fit.
  const breaks = blockBreaksIn(text, start, end);
  const plainBreaks = breaks.length === 0 || (breaks[0]! - start >= SHORT_FRAGMENT && end - breaks.at(-1)! - BLOCK_BREAK.length >= SHORT_FRAGMENT);
  const wordsFit = (quote.startsInsideWord || !insideWord(text, start)) && (quote.endsInsideWord || !insideWord(text, end));
  const words = text.slice(start, end);
  if (breaks.length === quote.segments.length - 1 && plainBreaks && wordsFit && (words === quote.exact || normaliseString(words) === quote.normalised)) {
    return { start, end, similarity: 1 };
  }
  ({ start, end } = withinQuotedBlocks(text, start, end, quote, knownErrors));
  const startFits = quote.startsInsideWord || !insideWord(text, start);
  const endFits = quote.endsInsideWord || !insideWord(text, end);
  // Boundary options differ only at one edge, so they are compared on the quote's first (last) EDGE characters there.
  const head = quote.normalised.slice(0, EDGE);
  const tail = quote.normalised.slice(-EDGE);
  // A match that already begins (ends) with the quote's first (last) few characters, where a word does, begins (ends) right.
  const sure = quote.normalised.length >= 2 * SURE_EDGE;
  const startSure = sure && startFits && normaliseString(text.slice(start, start + 2 * SURE_EDGE)).startsWith(quote.normalised.slice(0, SURE_EDGE));
  const endSure = sure && endFits && normaliseString(text.slice(Math.max(0, end - 2 * SURE_EDGE), end)).endsWith(quote.normalised.slice(-SURE_EDGE));
  const starts = startSure ? [start] : [...new Set([start, ...startsNear(text, start, quote.startsInsideWord)])].filter((option) => (startFits || option !== start) && option < end);
  const bestStart = bestEdge(starts, (option) => edgeCost(normaliseString(text.slice(option, Math.min(end, option + EDGE + EDGE_SLACK))), head, false));
  if (bestStart === null) return null;
  const ends = endSure ? [end] : [...new Set([end, ...endsNear(text, end, quote.endsInsideWord)])].filter((option) => (endFits || option !== end) && option > bestStart);
  const bestEnd = bestEdge(ends, (option) => edgeCost(normaliseString(text.slice(Math.max(bestStart, option - EDGE - EDGE_SLACK), option)), tail, true));
  if (bestEnd === null) return null;
  // A match the search found and fitting left as it was keeps the search's count of errors.
  const errors = bestStart === rawStart && bestEnd === rawEnd && knownErrors !== undefined ? knownErrors : distance(normaliseString(text.slice(bestStart, bestEnd)), quote.normalised, quote.maxErrors);
  return errors > quote.maxErrors ? null : { start: bestStart, end: bestEnd, similarity: 1 - errors / quote.normalised.length };
}

/**
 * How sure a placement is: its similarity to the quote times the evidence
 * that it is the quote's place, combined as independent evidence (one minus
 * the product of the doubts) from the quote's own words (by their length)
 * and from its context. Context counts for its weaker side and only a share
 * of what the stronger side adds: one agreeing side is what a deleted
 * sentence leaves behind when the next one begins with the same words.
 */
function confidenceOf(text: string, start: number, end: number, similarity: number, quote: Quote): number {
  const quoteDoubt = 1 - QUOTE_EVIDENCE * Math.min(1, Math.max(0, (quote.normalised.length - RECURRING_QUOTE) / (SELF_EVIDENT_QUOTE - RECURRING_QUOTE)));
  const prefix = contextEvidence(text, quote.prefix, start, "prefix");
  const suffix = contextEvidence(text, quote.suffix, end, "suffix");
  const context = Math.min(prefix, suffix) + STRONGER_SIDE_SHARE * Math.abs(prefix - suffix);
  return similarity * (1 - quoteDoubt * (1 - context));
}

/** The candidates found for one highlight so far, each place once. */
class Candidates {
  private readonly found = new Map<string, Candidate>();

  constructor(
    private readonly text: string,
    private readonly quote: Quote,
  ) {}

  /** Fits and scores a raw match [start, end) (with `errors`, if the search counted them), keeping it if it is like enough the quote. */
  consider(start: number, end: number, errors?: number): void {
    const fitted = fit(this.text, start, end, this.quote, errors);
    if (!fitted || fitted.similarity < MIN_QUOTE_SIMILARITY) return;
    const key = `${fitted.start}:${fitted.end}`;
    if (this.found.has(key)) return;
    this.found.set(key, { ...fitted, confidence: confidenceOf(this.text, fitted.start, fitted.end, fitted.similarity, this.quote) });
  }

  /** The best candidate if it is confident and clearly better than any other place, else why not. */
  decide(): { anchor: Anchor; settled: boolean } {
    // Of equally good matches, approx-string-match can end one as well before the quote's edited last words as after them: the
    // longest keeps them; but a quote that ended inside a word is kept to the shortest, as beyond its end were other words.
    const longerFirst = this.quote.endsInsideWord ? -1 : 1;
    const ranked = [...this.found.values()].sort((a, b) => b.confidence - a.confidence || longerFirst * (b.end - b.start - (a.end - a.start)));
    const best = ranked[0];
    if (!best) return { anchor: orphaned("The quoted words are no longer in the text."), settled: false };
    const rival = ranked.find((other) => other.end <= best.start || other.start >= best.end);
    if (rival && 1 - rival.confidence < DOUBT_RATIO * (1 - best.confidence)) {
      return { anchor: orphaned("The words occur several times and their context no longer tells which."), settled: false };
    }
    if (best.confidence < ORPHAN_THRESHOLD) {
      const reason = best.similarity === 1 ? "The words are still in the text, but no longer in the passage they were highlighted in." : "Only a weak match for the quoted words remains.";
      return { anchor: orphaned(reason), settled: false };
    }
    return { anchor: placed(best.start, best.end, best.confidence, best.similarity === 1 ? "quote" : "fuzzy"), settled: true };
  }
}

/** Where an original offset falls in the normalised text, near enough to serve as a hint. */
function approximateNormalisedOffset(normalised: NormalisedText, originalOffset: number): number {
  let low = 0;
  let high = normalised.text.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (normalised.toOriginalStart(middle) < originalOffset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * Approximate matches of `pattern` in the text near `hint` (edits are
 * usually local, and searching near the old position first keeps a revision
 * of a long essay cheap), and whether that window was the whole text.
 */
function searchNear(text: string, pattern: string, maxErrors: number, hint: number): { matches: Match[]; wholeText: boolean } {
  const radius = pattern.length * 2 + 200;
  const windowStart = Math.max(0, hint - radius);
  const windowEnd = Math.min(text.length, hint + pattern.length + radius);
  const wholeText = windowStart === 0 && windowEnd === text.length;
  const near = search(text.slice(windowStart, windowEnd), pattern, maxErrors).map((match) => ({ ...match, start: match.start + windowStart, end: match.end + windowStart }));
  if (!near.some((match) => (match.start === windowStart && windowStart > 0) || (match.end === windowEnd && windowEnd < text.length))) return { matches: near, wholeText };
  // A match at the window's edge may have been cut short by it: search again around the matches, a pattern's length wider each side.
  const from = Math.max(0, Math.min(...near.map((match) => match.start)) - pattern.length);
  const to = Math.max(...near.map((match) => match.end)) + pattern.length;
  return { matches: search(text.slice(from, to), pattern, maxErrors).map((match) => ({ ...match, start: match.start + from, end: match.end + from })), wholeText };
}

/**
 * Finds where a highlight's words are in `prepared` text:
 *
 * 1. the stored position, if the quote and its context are exactly there;
 * 2. every occurrence of the (typographically normalised) quote;
 * 3. if no occurrence is both confident and clearly the one, a fuzzy search
 *    for the quote (approx-string-match), and for a short or repeated quote
 *    a fuzzy search for the quote with its context, which finds its own
 *    place even when one character of it changed and the old words still
 *    occur elsewhere: near the old position first, then in the whole text.
 *
 * Every match is fitted to word boundaries and to the blocks the quote
 * spans, then scored: its likeness to the quote times the evidence of place
 * from the quote's length and its prefix and suffix, so a short quote
 * without its context is not trusted. The best is placed if it reaches
 * ORPHAN_THRESHOLD and no other place comes close; otherwise an orphan.
 */
export function anchorInPrepared(selectors: Selectors, prepared: PreparedText): Anchor {
  const { text, normalised } = prepared;
  if (!selectors.quote.exact.trim()) return orphaned("The highlight has no quoted words.");
  const atPosition = anchorAtPosition(selectors, text);
  if (atPosition) return atPosition;

  const quote = quoteOf(selectors);
  const candidates = new Candidates(text, quote);
  const toOriginal = (match: Match | { start: number; end: number }) =>
    candidates.consider(normalised.toOriginalStart(match.start), normalised.toOriginalEnd(match.end), "errors" in match ? match.errors : undefined);

  let occurrences = 0;
  for (let at = normalised.text.indexOf(quote.normalised); at !== -1; at = normalised.text.indexOf(quote.normalised, at + 1)) {
    toOriginal({ start: at, end: at + quote.normalised.length });
    occurrences += 1;
  }
  const exactly = candidates.decide();
  if (exactly.settled) return exactly.anchor;

  const hint = approximateNormalisedOffset(normalised, selectors.position.start);
  const searches: FuzzySearch[] = [];
  if (occurrences === 0 && quote.maxErrors > 0) searches.push({ pattern: quote.normalised, maxErrors: quote.maxErrors, hint, quoteIn: (match) => match });
  if (quote.normalised.length < SELF_EVIDENT_QUOTE || occurrences > 0) searches.push(withContext(normalised.text, quote, hint));
  const consider = (fuzzy: FuzzySearch, matches: readonly Match[]) => {
    for (const match of matches) {
      const found = fuzzy.quoteIn(match);
      if (found) toOriginal(found);
    }
  };
  // Near the old position first; the whole text only when that does not settle it.
  let wholeText = true;
  for (const fuzzy of searches) {
    const near = searchNear(normalised.text, fuzzy.pattern, fuzzy.maxErrors, fuzzy.hint);
    consider(fuzzy, near.matches);
    wholeText &&= near.wholeText;
  }
  const nearby = candidates.decide();
  if (nearby.settled || wholeText) return nearby.anchor;
  for (const fuzzy of searches) consider(fuzzy, search(normalised.text, fuzzy.pattern, fuzzy.maxErrors));
  return candidates.decide().anchor;
}

/** A fuzzy search for the quote: the pattern searched for, and how to find the quote in a match of it. */
interface FuzzySearch {
  pattern: string;
  maxErrors: number;
  hint: number;
  quoteIn(match: Match): Match | null;
}

/**
 * The search for the quote by its words and its context together: prefix +
 * quote + suffix, normalised. A short quote found this way is where its
 * context is, even when one of its characters changed and its old words
 * still occur elsewhere.
 */
function withContext(text: string, quote: Quote, hint: number): FuzzySearch {
  const prefix = normaliseString(quote.prefix);
  const pattern = prefix + quote.normalised + normaliseString(quote.suffix);
  return {
    pattern,
    maxErrors: Math.min(MAX_ERRORS, Math.floor(pattern.length * MAX_ERROR_RATE)),
    hint: Math.max(0, hint - prefix.length),
    quoteIn: (match) => quoteInside(text, match, quote, prefix.length),
  };
}

/** The quote inside a match of it with its context: the best approximate occurrence, nearest where the prefix says it starts. */
function quoteInside(text: string, match: Match, quote: Quote, prefixLength: number): Match | null {
  const quoteErrors = Math.max(1, quote.maxErrors);
  const expected = match.start + prefixLength;
  const from = Math.max(match.start, expected - quoteErrors - QUOTE_SLACK);
  const inside = search(text.slice(from, Math.min(match.end, expected + quote.normalised.length + quoteErrors + QUOTE_SLACK)), quote.normalised, quoteErrors);
  let nearest: Match | null = null;
  for (const found of inside) {
    const closer = nearest !== null && found.errors === nearest.errors && Math.abs(from + found.start - expected) < Math.abs(from + nearest.start - expected);
    if (!nearest || found.errors < nearest.errors || closer) nearest = found;
  }
  return nearest && { start: from + nearest.start, end: from + nearest.end, errors: nearest.errors };
}

/** Anchors one highlight in `text`. For many highlights in one text use `createAnchorer`. */
export function anchor(selectors: Selectors, text: string): Anchor {
  return anchorInPrepared(selectors, prepareText(text));
}
