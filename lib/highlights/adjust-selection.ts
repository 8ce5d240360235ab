/**
 * Moving one edge of a keyboard selection over the essay's canonical text
 * (blocks joined by blank lines) by a word or a sentence. Pure, so the
 * toolbar's Shift+arrow keys behave the same in every browser.
 */

/** A selection in canonical offsets, `end` exclusive. */
export interface Offsets {
  start: number;
  end: number;
}

/** Which edge moves, which way, and how far. */
export interface SelectionMove {
  edge: "start" | "end";
  direction: 1 | -1;
  step: "word" | "sentence";
}

const SPACE = /\s/;
const TERMINAL = /[.!?…]/;
const CLOSER = /["'”’)\]»]/;

/** Offsets just past each sentence's last character (closing quotes included); paragraph ends count. */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  for (let at = 0; at < text.length; at++) {
    if (text[at] === "\n" && at > 0 && !SPACE.test(text[at - 1]!)) ends.push(at);
    if (!TERMINAL.test(text[at]!)) continue;
    let after = at + 1;
    while (after < text.length && CLOSER.test(text[after]!)) after++;
    if (after === text.length || SPACE.test(text[after]!)) ends.push(after);
  }
  if (text.length > 0 && !SPACE.test(text[text.length - 1]!)) ends.push(text.length);
  return [...new Set(ends)].sort((a, b) => a - b);
}

/** Offsets where each sentence's first character is. */
function sentenceStarts(text: string): number[] {
  const starts = [0];
  for (const end of sentenceEnds(text)) {
    let at = end;
    while (at < text.length && SPACE.test(text[at]!)) at++;
    if (at < text.length) starts.push(at);
  }
  return [...new Set(starts)].sort((a, b) => a - b);
}

function wordEdge(text: string, from: number, direction: 1 | -1, lower: number, upper: number): number {
  let at = from;
  const isSpace = (offset: number) => SPACE.test(text[offset] ?? " ");
  if (direction === 1) {
    while (at < upper && isSpace(at)) at++;
    while (at < upper && !isSpace(at)) at++;
  } else {
    while (at > lower && isSpace(at - 1)) at--;
    while (at > lower && !isSpace(at - 1)) at--;
  }
  return at;
}

/**
 * The selection after one move; the same selection when the move would
 * collapse it or leave the text. An end moved back by a word sheds the
 * space before it, a start moved on by a word skips the space after it, so
 * the selection always begins and ends on a word.
 */
export function adjustSelection(text: string, { start, end }: Offsets, { edge, direction, step }: SelectionMove): Offsets {
  if (step === "word") {
    if (edge === "end") {
      let next = wordEdge(text, end, direction, start, text.length);
      if (direction === -1) while (next > start && SPACE.test(text[next - 1]!)) next--;
      return next > start ? { start, end: next } : { start, end };
    }
    if (direction === -1) return { start: wordEdge(text, start, -1, 0, end), end };
    let next = wordEdge(text, start, 1, 0, end);
    while (next < end && SPACE.test(text[next]!)) next++;
    return next < end ? { start: next, end } : { start, end };
  }
  if (edge === "end") {
    const ends = sentenceEnds(text);
    const next = direction === 1 ? ends.find((candidate) => candidate > end) : ends.findLast((candidate) => candidate < end && candidate > start);
    return next === undefined ? { start, end } : { start, end: next };
  }
  const starts = sentenceStarts(text);
  const next = direction === -1 ? starts.findLast((candidate) => candidate < start) : starts.find((candidate) => candidate > start && candidate < end);
  return next === undefined ? { start, end } : { start: next, end };
}

/** The move a key press asks for in the toolbar, or null: Shift+←/→ move the end, Shift+↑/↓ the start, by a word; with Alt, by a sentence. */
export function selectionMoveFor(event: Pick<KeyboardEvent, "key" | "shiftKey" | "altKey" | "ctrlKey" | "metaKey">): SelectionMove | null {
  if (!event.shiftKey || event.ctrlKey || event.metaKey) return null;
  const step = event.altKey ? "sentence" : "word";
  switch (event.key) {
    case "ArrowRight":
      return { edge: "end", direction: 1, step };
    case "ArrowLeft":
      return { edge: "end", direction: -1, step };
    case "ArrowUp":
      return { edge: "start", direction: -1, step };
    case "ArrowDown":
      return { edge: "start", direction: 1, step };
    default:
      return null;
  }
}
