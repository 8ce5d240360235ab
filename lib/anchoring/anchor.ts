import search from "approx-string-match";
import { contextAgreement, positionAgreement } from "./context";
import { normalise, normaliseString, type NormalisedText } from "./normalise";
import type { Anchor, PlacedAnchor, Selectors } from "./types";

/**
 * Below this confidence a highlight becomes an orphan: a highlight on the
 * wrong words is worse than one honestly listed as lost.
 */
export const ORPHAN_THRESHOLD = 0.7;

/** The most a fuzzy match may differ from the quote, as a share of its length. */
const MAX_ERROR_RATE = 0.25;
/** A fuzzy match must keep at least this much of the quote itself. */
const MIN_QUOTE_SIMILARITY = 0.75;
/** Quotes shorter than this cannot be matched fuzzily on their own words: their context must agree. */
const SHORT_QUOTE = 24;

// Weights after Hypothesis's match-quote: the quote dominates, context
// disambiguates, and position only breaks ties.
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const WEIGHT_TOTAL = WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position;

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

/** A text prepared once for anchoring many highlights in it. */
export interface PreparedText {
  text: string;
  normalised: NormalisedText;
}

/** Prepares a text for anchoring (normalisation happens once per text, not per highlight). */
export function prepareText(text: string): PreparedText {
  return { text, normalised: normalise(text) };
}

function score(text: string, candidate: Candidate, quoteLength: number, prefix: string, suffix: string, hint: number) {
  const quote = Math.max(0, 1 - candidate.errors / Math.max(1, quoteLength));
  const before = contextAgreement(text, prefix, candidate.start, "prefix");
  const after = contextAgreement(text, suffix, candidate.end, "suffix");
  const position = positionAgreement(candidate.start, hint, text.length);
  const total = (WEIGHT.quote * quote + WEIGHT.prefix * before + WEIGHT.suffix * after + WEIGHT.position * position) / WEIGHT_TOTAL;
  return { total, quote, context: (before + after) / 2 };
}

function occurrences(text: string, quote: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) found.push({ start: at, end: at + quote.length, errors: 0 });
  return found;
}

/**
 * Picks the best of several exact occurrences. One occurrence is certain;
 * several are told apart by their context, and when the context cannot tell
 * them apart the anchor is not trusted.
 */
function bestExact(text: string, candidates: Candidate[], quoteLength: number, prefix: string, suffix: string, hint: number) {
  const ranked = candidates.map((candidate) => ({ candidate, ...score(text, candidate, quoteLength, prefix, suffix, hint) })).sort((a, b) => b.total - a.total);
  const best = ranked[0]!;
  if (ranked.length === 1) return { candidate: best.candidate, confidence: 0.9 + 0.1 * best.context };
  const margin = best.context - ranked[1]!.context;
  return { candidate: best.candidate, confidence: margin > 0.05 || best.context === 1 ? 0.8 + 0.2 * best.context : 0.5 };
}

function placed(start: number, end: number, confidence: number, method: PlacedAnchor["method"]): PlacedAnchor {
  return { status: "anchored", start, end, confidence: Math.min(1, Math.round(confidence * 1000) / 1000), method };
}

/**
 * Finds where a highlight's words are in `prepared` text. In order: the
 * stored position if the quote is still there; an exact search for the quote
 * (then the typographically normalised quote), choosing among repeats by
 * prefix, suffix and nearness to the old position; a fuzzy search with
 * approx-string-match scored on quote, prefix, suffix and position. Anything
 * less certain than ORPHAN_THRESHOLD is an orphan.
 */
export function anchorInPrepared(selectors: Selectors, prepared: PreparedText): Anchor {
  const { text, normalised } = prepared;
  const { exact, prefix, suffix } = selectors.quote;
  const { start, end } = selectors.position;
  if (!exact) return { status: "orphaned", reason: "The highlight has no quoted words." };

  if (end <= text.length && text.slice(start, end) === exact) return placed(start, end, 1, "position");

  const raw = occurrences(text, exact);
  if (raw.length > 0) {
    const { candidate, confidence } = bestExact(text, raw, exact.length, prefix, suffix, start);
    if (confidence >= ORPHAN_THRESHOLD) return placed(candidate.start, candidate.end, confidence, "quote");
    return { status: "orphaned", reason: "The words occur several times and their context no longer tells which." };
  }

  const quote = normaliseString(exact);
  const normPrefix = normaliseString(prefix);
  const normSuffix = normaliseString(suffix);
  const hint = approximateNormalisedOffset(normalised, start);
  const toOriginal = (candidate: Candidate) => ({ start: normalised.toOriginalStart(candidate.start), end: normalised.toOriginalEnd(candidate.end) });

  const typographic = occurrences(normalised.text, quote);
  if (typographic.length > 0) {
    const { candidate, confidence } = bestExact(normalised.text, typographic, quote.length, normPrefix, normSuffix, hint);
    const original = toOriginal(candidate);
    if (confidence >= ORPHAN_THRESHOLD) return placed(original.start, original.end, confidence * 0.98, "quote");
  }

  const fuzzy = fuzzyMatch(normalised.text, quote, normPrefix, normSuffix, hint);
  if (!fuzzy) return { status: "orphaned", reason: "The quoted words are no longer in the text." };
  if (fuzzy.confidence < ORPHAN_THRESHOLD) return { status: "orphaned", reason: "Only a weak match for the quoted words remains." };
  const original = toOriginal(fuzzy.candidate);
  return placed(original.start, original.end, fuzzy.confidence, "fuzzy");
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

function fuzzyMatch(text: string, quote: string, prefix: string, suffix: string, hint: number) {
  const maxErrors = Math.min(256, Math.floor(quote.length * MAX_ERROR_RATE));
  if (maxErrors === 0) return null;
  // Edits are usually local: search near the old position first, and the
  // whole text only when nothing good enough is there.
  const radius = quote.length * 2 + 200;
  const windowStart = Math.max(0, hint - radius);
  const near = candidatesIn(text.slice(windowStart, hint + quote.length + radius), quote, maxErrors).map((c) => ({ ...c, start: c.start + windowStart, end: c.end + windowStart }));
  const nearBest = rank(text, near, quote, prefix, suffix, hint);
  if (nearBest && nearBest.confidence >= ORPHAN_THRESHOLD) return nearBest;
  return rank(text, candidatesIn(text, quote, maxErrors), quote, prefix, suffix, hint) ?? nearBest;
}

function candidatesIn(text: string, quote: string, maxErrors: number): Candidate[] {
  return search(text, quote, maxErrors);
}

function rank(text: string, candidates: Candidate[], quote: string, prefix: string, suffix: string, hint: number) {
  let best: { candidate: Candidate; confidence: number } | null = null;
  for (const candidate of candidates) {
    // Cheap test first: most candidates fail on the quote alone, before any context is compared.
    if (1 - candidate.errors / quote.length < MIN_QUOTE_SIMILARITY) continue;
    const scored = score(text, candidate, quote.length, prefix, suffix, hint);
    if (scored.quote < MIN_QUOTE_SIMILARITY) continue;
    if (quote.length < SHORT_QUOTE && scored.context < 0.5) continue;
    if (!best || scored.total > best.confidence) best = { candidate, confidence: scored.total };
  }
  return best;
}

/** Anchors one highlight in `text`. For many highlights in one text use `createAnchorer`. */
export function anchor(selectors: Selectors, text: string): Anchor {
  return anchorInPrepared(selectors, prepareText(text));
}
