import { placeBlocks, type DraftBlock } from "@/lib/essays/document";
import { sentencesOf, wordsOf } from "./text-units";

/** What a reader selected, roughly: the failure kinds of issue 16 live in different kinds. */
export type HighlightKind = "short" | "sentence" | "passage" | "cross-break" | "arbitrary";

/** A highlight to make on the original text, [start, end) in its canonical offsets. */
export interface PlannedHighlight {
  kind: HighlightKind;
  start: number;
  end: number;
}

/** Short quotes (1–3 words) that repeat are where a matcher goes wrong; this many occurrences per essay are kept. */
const REPEATED_SHORT_QUOTES = 70;
const UNIQUE_SHORT_QUOTES = 15;
const ARBITRARY_RANGES = 12;
const MIN_CONTENT_WORD = 4;

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

/** Every occurrence of 1–3-word phrases (words joined by single spaces, one word of four letters or more), grouped by phrase. */
function shortPhrases(text: string): Map<string, { start: number; end: number }[]> {
  const words = wordsOf(text);
  const phrases = new Map<string, { start: number; end: number }[]>();
  for (let first = 0; first < words.length; first++) {
    for (let count = 1; count <= 3 && first + count <= words.length; count++) {
      const span = words.slice(first, first + count);
      const joinedBySpaces = span.every((word, index) => index === 0 || text.slice(span[index - 1]!.end, word.start) === " ");
      if (!joinedBySpaces) break;
      if (!span.some((word) => word.end - word.start >= MIN_CONTENT_WORD)) continue;
      const start = span[0]!.start;
      const end = span.at(-1)!.end;
      const phrase = text.slice(start, end);
      phrases.set(phrase, [...(phrases.get(phrase) ?? []), { start, end }]);
    }
  }
  return phrases;
}

/**
 * The highlights made on one essay: every sentence (and heading), pairs of
 * sentences, the end of every block with the start of the next (crossing the
 * paragraph break), short quotes of repeated and unique phrases, and a few
 * arbitrary ranges that start or end inside a word.
 */
export function planHighlights(blocks: readonly DraftBlock[], text: string, random: () => number): PlannedHighlight[] {
  const planned: PlannedHighlight[] = [];
  const placed = placeBlocks(blocks);
  for (const block of placed) {
    const sentences = sentencesOf(block.text).map((sentence) => ({ start: block.start + sentence.start, end: block.start + sentence.end }));
    for (const sentence of sentences) planned.push({ kind: "sentence", ...sentence });
    for (let index = 0; index + 1 < sentences.length; index += 2) planned.push({ kind: "passage", start: sentences[index]!.start, end: sentences[index + 1]!.end });
  }
  for (let index = 0; index + 1 < placed.length; index++) {
    const tail = wordsOf(placed[index]!.text);
    const head = wordsOf(placed[index + 1]!.text);
    const tailWords = Math.min(tail.length, 2 + Math.floor(random() * 7));
    const headWords = Math.min(head.length, 1 + Math.floor(random() * 5));
    const start = placed[index]!.start + tail[tail.length - tailWords]!.start;
    // End after the last head word, taking a following full stop or comma along as a reader's selection would.
    let end = placed[index + 1]!.start + head[headWords - 1]!.end;
    if (/[.,;:!?]/.test(text[end] ?? "")) end += 1;
    planned.push({ kind: "cross-break", start, end });
  }
  const phrases = [...shortPhrases(text)];
  const repeated = shuffled(
    phrases.filter(([, spans]) => spans.length > 1).flatMap(([, spans]) => spans),
    random,
  ).slice(0, REPEATED_SHORT_QUOTES);
  const unique = shuffled(
    phrases.filter(([, spans]) => spans.length === 1).map(([, spans]) => spans[0]!),
    random,
  ).slice(0, UNIQUE_SHORT_QUOTES);
  for (const span of [...repeated, ...unique]) planned.push({ kind: "short", ...span });
  for (let made = 0; made < ARBITRARY_RANGES; made++) {
    const start = Math.floor(random() * (text.length - 20));
    const end = Math.min(text.length, start + 6 + Math.floor(random() * 150));
    if (text.slice(start, end).trim()) planned.push({ kind: "arbitrary", start, end });
  }
  const seen = new Set<string>();
  return planned.filter((highlight) => {
    const key = `${highlight.start}:${highlight.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
