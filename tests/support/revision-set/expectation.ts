import { CONTEXT_LENGTH } from "@/lib/anchoring/describe";
import { BLOCK_SEPARATOR } from "@/lib/essays/document";
import { NEW, type RenderedRevision } from "./tracked-essay";
import { insideWord, wordCount, wordEndAt, wordStartAt } from "./text-units";

/**
 * What a highlight should become on a revision, worked out from where its
 * characters went (never from a matcher):
 *
 * - "place": its words are there, unchanged or changed by a typo-sized edit
 *   (one character, or up to 10%), so it must be placed on them;
 * - "either": its words are there but changed more (up to half), or a short
 *   quote whose context was rewritten on one side, or a repeated one whose
 *   context is gone — placing it on them or orphaning it are both right,
 *   placing it anywhere else is wrong;
 * - "orphan": half or more of its characters were deleted, or as many as
 *   half its length newly written inside it, so any placement is wrong.
 *
 * A placement is right on the span the quote's surviving characters cover,
 * or on that span widened to whole words. Where an edit replaced the first
 * or last words of a quote, it may start (end) anywhere in the words that
 * took their place, at a word boundary, but never past a block break; it may
 * start (end) inside a word only where the original quote did. An outer
 * block part of the quote that is only a word or two, or was itself
 * rewritten, may be left out, and so may punctuation at either edge.
 */
export type Expectation =
  { outcome: "orphan"; reason: string } | { outcome: "place" | "either"; reason: string; span: { start: number; end: number }; starts: ReadonlySet<number>; ends: ReadonlySet<number> };

/** A change of at most this share of the quote (or one character) is typo-sized: the highlight must stay. */
const TYPO_SIZED = 0.1;
/** A quote that lost this share or more of its characters is gone. */
const GONE = 0.5;
/** One to three words, or fewer characters than this, is a short quote: its own words say little about where it is. */
const SHORT_QUOTE_CHARACTERS = 25;
/**
 * A short quote must be placed only when most of its context on each side
 * (this share of its prefix, and of its suffix) is still beside it. With
 * less on one side, its sentence was rewritten around it, and that looks
 * just like its sentence deleted and the next one beginning with the same
 * words ("A crossing of"): an orphan is as right as a placement.
 */
const SHORT_QUOTE_CONTEXT_KEPT = 0.75;
/** Any quote whose words occur more than once must be placed only when at least this share of its context is still beside it. */
const REPEATED_QUOTE_CONTEXT_KEPT = 0.5;
/** More newly written characters in a row than this inside a quote (a word inserted) may split it into parts that stand alone. */
const LONG_INSERTION = 3;
/** How far from the quote a kept context character may have moved and still count as context. */
const CONTEXT_REACH = 48;

/** For each original offset, where that character is in the revision (or NEW when it is gone). */
export function newPositions(originalLength: number, revision: RenderedRevision): Int32Array {
  const positions = new Int32Array(originalLength).fill(NEW);
  revision.origins.forEach((origin, position) => {
    if (origin !== NEW) positions[origin] = position;
  });
  return positions;
}

interface Region {
  first: number;
  last: number;
  kept: number;
}

/**
 * Runs of the quote's surviving characters that stay together, in the
 * revision's order: in their original order, with only newly written
 * characters between them, at most `maxWritten` of them in a row. (A block
 * the quote crossed may have moved away, leaving the parts either side of it
 * together.)
 */
function survivingRegions(start: number, end: number, positions: Int32Array, origins: Int32Array, maxWritten: number): Region[] {
  const surviving: number[] = [];
  for (let origin = start; origin < end; origin++) if (positions[origin] !== NEW) surviving.push(positions[origin]!);
  surviving.sort((a, b) => a - b);
  const regions: Region[] = [];
  let current: Region | undefined;
  for (const position of surviving) {
    let together = current !== undefined && origins[position]! > origins[current.last]! && position - current.last - 1 <= maxWritten;
    for (let between = (current?.last ?? 0) + 1; together && between < position; between++) together = origins[between] === NEW;
    if (together) {
      current!.last = position;
      current!.kept += 1;
    } else {
      current = { first: position, last: position, kept: 1 };
      regions.push(current);
    }
  }
  return regions;
}

function skipSpaceForward(text: string, at: number, limit: number): number {
  while (at < limit && /\s/.test(text[at]!)) at++;
  return at;
}

function skipSpaceBackward(text: string, at: number, limit: number): number {
  while (at > limit && /\s/.test(text[at - 1]!)) at--;
  return at;
}

// Punctuation at either edge of a placement ("seventh," or "seventh") is not a word of it: either will do.
const NOT_A_WORD = /[^\p{L}\p{N}]/u;

function skipPunctuationForward(text: string, at: number, limit: number): number {
  while (at < limit && NOT_A_WORD.test(text[at]!)) at++;
  return at;
}

function skipPunctuationBackward(text: string, at: number, limit: number): number {
  while (at > limit && NOT_A_WORD.test(text[at - 1]!)) at--;
  return at;
}

/**
 * How far past the quote's first kept character a placement may start when
 * `lost` of the quote's characters before it were deleted or rewritten: the
 * words that replaced them, half as long again (to a whole word), never past
 * a block break.
 */
function fringeBefore(text: string, first: number, lost: number): number {
  if (lost === 0) return first;
  const reach = Math.ceil(lost * 1.5) + 1;
  let from = first;
  while (from > 0 && first - from < reach && text[from - 1] !== "\n") from--;
  return wordStartAt(text, from);
}

/** Where a placement may end at the latest when `lost` of the quote's last characters were deleted or rewritten, as `fringeBefore`. */
function fringeAfter(text: string, after: number, lost: number): number {
  if (lost === 0) return after;
  const reach = Math.ceil(lost * 1.5) + 1;
  let to = after;
  while (to < text.length && to - after < reach && text[to] !== "\n") to++;
  return wordEndAt(text, to);
}

/**
 * Where the quote's first run of kept characters ends, when that run is
 * shorter than the edit after it (the quote's first word was itself edited,
 * as in "f|or this" becoming "for any of this"): a placement may then start
 * after the edit. Otherwise `first`.
 */
function innerStart(origins: Int32Array, first: number, last: number): number {
  let runEnd = first + 1;
  while (runEnd <= last && origins[runEnd] === origins[runEnd - 1]! + 1) runEnd++;
  let next = runEnd;
  while (next <= last && origins[next] === NEW) next++;
  if (next > last) return first;
  const edit = Math.max(next - runEnd, origins[next]! - origins[runEnd - 1]! - 1);
  return runEnd - first <= edit ? next : first;
}

/** Where the quote's last run of kept characters starts, when that run is shorter than the edit before it, as `innerStart`. */
function innerEnd(origins: Int32Array, first: number, last: number): number {
  let runStart = last;
  while (runStart > first && origins[runStart - 1] === origins[runStart]! - 1) runStart--;
  let previous = runStart - 1;
  while (previous >= first && origins[previous] === NEW) previous--;
  if (previous < first) return last + 1;
  const edit = Math.max(runStart - previous - 1, origins[runStart]! - origins[previous]! - 1);
  return last + 1 - runStart <= edit ? previous + 1 : last + 1;
}

/**
 * An outer block part of the quote shorter than this (a word or two) may be
 * left out: too little to tell its block from a neighbour that begins the
 * same way.
 */
const SHORT_FRAGMENT = 16;

/** A block part of the quote this much changed (or more) is no longer the quote's words: a placement may leave it out. */
const REWRITTEN_PART = 0.25;

/**
 * Where a placement may stop short of the quote's outer block part at its
 * start (end): after (before) the first (last) block break in the span, when
 * the part beyond it is a fragment shorter than SHORT_FRAGMENT or was itself
 * rewritten (a renamed heading). Null when neither.
 */
function outerPartBreak(revision: RenderedRevision, original: string, quote: { start: number; end: number }, first: number, last: number, side: "start" | "end"): number | null {
  const { text, origins } = revision;
  const span = text.slice(first, last + 1);
  const breakAt = side === "start" ? span.indexOf(BLOCK_SEPARATOR) : span.lastIndexOf(BLOCK_SEPARATOR);
  if (breakAt === -1) return null;
  const part = side === "start" ? { start: first, end: first + breakAt } : { start: first + breakAt + BLOCK_SEPARATOR.length, end: last + 1 };
  const quoted = original.slice(quote.start, quote.end);
  const originalBreak = side === "start" ? quote.start + quoted.indexOf(BLOCK_SEPARATOR) : quote.start + quoted.lastIndexOf(BLOCK_SEPARATOR) + BLOCK_SEPARATOR.length;
  const originalPart = side === "start" ? { start: quote.start, end: Math.max(quote.start, originalBreak) } : { start: Math.min(originalBreak, quote.end), end: quote.end };
  let kept = 0;
  let written = 0;
  for (let position = part.start; position < part.end; position++) {
    const origin = origins[position]!;
    if (origin === NEW) written++;
    else if (origin >= originalPart.start && origin < originalPart.end) kept++;
  }
  const originalLength = Math.max(1, originalPart.end - originalPart.start);
  const rewritten = Math.max(originalLength - kept, written) / originalLength >= REWRITTEN_PART;
  if (part.end - part.start >= SHORT_FRAGMENT && !rewritten) return null;
  return side === "start" ? part.end + BLOCK_SEPARATOR.length : part.start - BLOCK_SEPARATOR.length;
}

/** Offsets where a placement of the surviving span [first, last] may start (spaces and punctuation skipped). */
function acceptableStarts(original: string, quote: { start: number; end: number }, revision: RenderedRevision, first: number, last: number): Set<number> {
  const { text, origins } = revision;
  const { start } = quote;
  const startedInsideWord = insideWord(original, start);
  const afterFragment = outerPartBreak(revision, original, quote, first, last, "start");
  const from = fringeBefore(text, first, origins[first]! - start);
  const to = innerStart(origins, first, last);
  const starts = new Set<number>();
  for (let at = from; at <= to; at++) if (startedInsideWord || !insideWord(text, at)) starts.add(at);
  // The quote's own first character, still there, is its start; and so is the start of the word it now falls in.
  if (origins[first] === start) starts.add(first);
  if (insideWord(text, first) && !startedInsideWord) starts.add(wordStartAt(text, first));
  if (afterFragment !== null) starts.add(afterFragment);
  return new Set([...starts].flatMap((at) => [skipSpaceForward(text, at, last + 1), skipPunctuationForward(text, at, last + 1)]));
}

/** Offsets where a placement of the surviving span [first, last] may end (spaces and punctuation skipped). */
function acceptableEnds(original: string, quote: { start: number; end: number }, revision: RenderedRevision, first: number, last: number): Set<number> {
  const { text, origins } = revision;
  const { end } = quote;
  const endedInsideWord = insideWord(original, end);
  const beforeFragment = outerPartBreak(revision, original, quote, first, last, "end");
  const from = innerEnd(origins, first, last);
  const to = fringeAfter(text, last + 1, end - 1 - origins[last]!);
  const ends = new Set<number>();
  for (let at = from; at <= to; at++) if (endedInsideWord || !insideWord(text, at)) ends.add(at);
  if (origins[last] === end - 1) ends.add(last + 1);
  if (insideWord(text, last + 1) && !endedInsideWord) ends.add(wordEndAt(text, last + 1));
  if (beforeFragment !== null) ends.add(beforeFragment);
  return new Set([...ends].flatMap((at) => [skipSpaceBackward(text, at, first), skipPunctuationBackward(text, at, first)]));
}

/** Share of the quote's prefix (suffix) characters still beside it, within CONTEXT_REACH, in the revision; the weaker side's, and both together. */
function contextKept(original: string, start: number, end: number, positions: Int32Array, span: { start: number; end: number }): { weaker: number; both: number } {
  const prefixFrom = Math.max(0, start - CONTEXT_LENGTH);
  const suffixTo = Math.min(original.length, end + CONTEXT_LENGTH);
  let prefixKept = 0;
  for (let origin = prefixFrom; origin < start; origin++) {
    const position = positions[origin]!;
    if (position !== NEW && position < span.start && position >= span.start - CONTEXT_REACH) prefixKept++;
  }
  let suffixKept = 0;
  for (let origin = end; origin < suffixTo; origin++) {
    const position = positions[origin]!;
    if (position !== NEW && position >= span.end && position < span.end + CONTEXT_REACH) suffixKept++;
  }
  const prefixLength = start - prefixFrom;
  const suffixLength = suffixTo - end;
  const share = (kept: number, length: number) => (length === 0 ? 1 : kept / length);
  return {
    weaker: Math.min(share(prefixKept, prefixLength), share(suffixKept, suffixLength)),
    both: share(prefixKept + suffixKept, prefixLength + suffixLength),
  };
}

function occurrences(text: string, words: string): number {
  let count = 0;
  for (let at = text.indexOf(words); at !== -1; at = text.indexOf(words, at + 1)) count++;
  return count;
}

/** What the highlight [start, end) of `original` should become on `revision`. */
export function expectationFor(original: string, start: number, end: number, revision: RenderedRevision, positions: Int32Array): Expectation {
  const whole = expectationOfRegions(original, start, end, revision, positions, Infinity);
  if (whole.outcome !== "orphan") return whole;
  // A long insertion inside the quote (a sentence written into a passage) may leave one side of it recognisable on its own.
  const part = expectationOfRegions(original, start, end, revision, positions, LONG_INSERTION);
  return part.outcome === "orphan" ? whole : { ...part, outcome: "either", reason: `part of it: ${part.reason}` };
}

function expectationOfRegions(original: string, start: number, end: number, revision: RenderedRevision, positions: Int32Array, maxWritten: number): Expectation {
  const regions = survivingRegions(start, end, positions, revision.origins, maxWritten);
  if (regions.length === 0) return { outcome: "orphan", reason: "every character was deleted or rewritten" };
  const core = regions.reduce((best, region) => (region.kept > best.kept ? region : best));
  let written = 0;
  for (let position = core.first; position <= core.last; position++) if (revision.origins[position] === NEW) written++;
  const length = end - start;
  // Like an edit distance: a word replaced by another of the same length is that many characters changed, not twice as many.
  const changed = Math.max(length - core.kept, written);
  if (changed / length >= GONE) return { outcome: "orphan", reason: `${changed} of ${length} characters changed` };

  const quote = original.slice(start, end);
  const span = { start: core.first, end: core.last + 1 };
  const starts = acceptableStarts(original, { start, end }, revision, core.first, core.last);
  const ends = acceptableEnds(original, { start, end }, revision, core.first, core.last);
  const typoSized = changed <= 1 || changed / length <= TYPO_SIZED;
  if (!typoSized) return { outcome: "either", reason: `${changed} of ${length} characters changed`, span, starts, ends };
  const context = contextKept(original, start, end, positions, span);
  const short = wordCount(quote) <= 3 || length < SHORT_QUOTE_CHARACTERS;
  if (context.weaker < SHORT_QUOTE_CONTEXT_KEPT && short) return { outcome: "either", reason: "a short quote whose context was rewritten", span, starts, ends };
  if (context.both < REPEATED_QUOTE_CONTEXT_KEPT && occurrences(revision.text, revision.text.slice(span.start, span.end)) > 1) {
    return { outcome: "either", reason: "a repeated quote whose context is gone", span, starts, ends };
  }
  return { outcome: "place", reason: changed === 0 ? "unchanged" : `${changed} of ${length} characters changed`, span, starts, ends };
}

/** How a matcher did on one case. */
export type Verdict = "right" | "wrong" | "wrongly orphaned";

/** Judges a placement (null: orphaned) against the expectation. Spaces and punctuation at the edges of a placement are ignored. */
export function judge(expectation: Expectation, placement: { start: number; end: number } | null, text: string): Verdict {
  if (placement === null) return expectation.outcome === "place" ? "wrongly orphaned" : "right";
  if (expectation.outcome === "orphan") return "wrong";
  const start = skipSpaceForward(text, placement.start, placement.end);
  const end = skipSpaceBackward(text, placement.end, start);
  const startRight = expectation.starts.has(start) || expectation.starts.has(skipPunctuationForward(text, start, end));
  const endRight = expectation.ends.has(end) || expectation.ends.has(skipPunctuationBackward(text, end, start));
  return startRight && endRight ? "right" : "wrong";
}

/** The failure kinds of issue 16, and the rest. */
export type FailureKind = "1: short quote on other words" | "2: across a block break or inside a word" | "3: changed words orphaned, old words elsewhere" | "other wrong placement" | "other orphan";

/** Which kind of failure a wrong or wrongly orphaned outcome is. */
export function failureKind(
  verdict: Exclude<Verdict, "right">,
  expectation: Expectation,
  quote: string,
  placement: { start: number; end: number } | null,
  original: { text: string; start: number; end: number },
  text: string,
): FailureKind {
  if (verdict === "wrongly orphaned" || placement === null) {
    // Kind 3 as the issue has it: its own words changed (by a character or so), the old words still elsewhere.
    const changed = expectation.outcome !== "orphan" && text.slice(expectation.span.start, expectation.span.end) !== quote;
    return changed && occurrences(text, quote) > 0 ? "3: changed words orphaned, old words elsewhere" : "other orphan";
  }
  const placed = text.slice(placement.start, placement.end);
  const extraBreaks = placed.split(BLOCK_SEPARATOR).length > quote.split(BLOCK_SEPARATOR).length;
  const midWord = (insideWord(text, placement.start) && !insideWord(original.text, original.start)) || (insideWord(text, placement.end) && !insideWord(original.text, original.end));
  const overlaps = expectation.outcome !== "orphan" && placement.start < expectation.span.end && placement.end > expectation.span.start;
  const beyond = overlaps ? text.slice(placement.start, Math.max(placement.start, expectation.span.start)) + text.slice(Math.min(placement.end, expectation.span.end), placement.end) : "";
  if (extraBreaks || midWord || beyond.includes("\n")) return "2: across a block break or inside a word";
  if (overlaps) return "other wrong placement";
  return wordCount(quote) <= 3 ? "1: short quote on other words" : "other wrong placement";
}
