/**
 * Word and block boundaries of a canonical text, so a match never starts or
 * ends inside a word where the quote did not, and never reaches over a block
 * break the quote did not cross.
 */

/** Blocks are joined by a blank line in the canonical text (lib/essays/document.ts: BLOCK_SEPARATOR). */
export const BLOCK_BREAK = "\n\n";

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const APOSTROPHE = /['’]/;
const SPACE = /\s/;

function isWordCharacter(text: string, index: number): boolean {
  const char = text[index];
  if (char === undefined) return false;
  if (LETTER_OR_DIGIT.test(char)) return true;
  // An apostrophe between letters ("stranger's") is part of the word; a closing quote mark is not.
  return APOSTROPHE.test(char) && LETTER_OR_DIGIT.test(text[index - 1] ?? "") && LETTER_OR_DIGIT.test(text[index + 1] ?? "");
}

/** Punctuation that clings to a word: an opening quote mark before it, a full stop after it. */
function isClinging(text: string, index: number): boolean {
  const char = text[index];
  return char !== undefined && !SPACE.test(char) && !isWordCharacter(text, index);
}

/** Whether offset `at` falls between two characters of one word. */
export function insideWord(text: string, at: number): boolean {
  return at > 0 && at < text.length && isWordCharacter(text, at - 1) && isWordCharacter(text, at);
}

/** Whether a quote began inside a word: its prefix ends, and its words begin, with a word character. */
export function quoteStartsInsideWord(prefix: string, exact: string): boolean {
  // Two characters either side, so an apostrophe ("council|'s", "council'|s") is judged with its neighbours.
  const before = prefix.slice(-2);
  return insideWord(before + exact.slice(0, 2), before.length);
}

/** Whether a quote ended inside a word. */
export function quoteEndsInsideWord(exact: string, suffix: string): boolean {
  const last = exact.slice(-2);
  return insideWord(last + suffix.slice(0, 2), last.length);
}

function startOfWordAt(text: string, at: number): number {
  let index = at;
  while (insideWord(text, index)) index--;
  return index;
}

function endOfWordAt(text: string, at: number): number {
  let index = at;
  while (insideWord(text, index)) index++;
  return index;
}

/** The start of the first word at or after `at`, or null. */
function nextWordStart(text: string, at: number): number | null {
  let index = at;
  while (index < text.length && !isWordCharacter(text, index)) index++;
  return index < text.length ? index : null;
}

/** The start of the last word that starts before `at`, or null. */
function previousWordStart(text: string, at: number): number | null {
  let index = at;
  while (index > 0 && !isWordCharacter(text, index - 1)) index--;
  return index > 0 ? startOfWordAt(text, index - 1) : null;
}

/** The end of the last word that ends at or before `at`, or null. */
function previousWordEnd(text: string, at: number): number | null {
  let index = at;
  while (index > 0 && !isWordCharacter(text, index - 1)) index--;
  return index > 0 ? index : null;
}

/** The end of the first word that ends after `at`, or null. */
function nextWordEnd(text: string, at: number): number | null {
  const start = nextWordStart(text, at);
  return start === null ? null : endOfWordAt(text, start + 1);
}

function withinBlock(text: string, options: Iterable<number | null>, at: number): number[] {
  const kept = new Set<number>();
  for (const option of options) if (option !== null && !text.slice(Math.min(option, at), Math.max(option, at)).includes("\n")) kept.add(option);
  return [...kept];
}

/**
 * Offsets near `at` where a match may start: `at` itself unless it is
 * inside a word, the start of the word it falls in, the next word's and the
 * previous word's starts, each also with the punctuation clinging before it;
 * never over a line break. With `insideWordAllowed` (the quote itself began
 * inside a word) only `at`.
 */
export function startsNear(text: string, at: number, insideWordAllowed: boolean): number[] {
  if (insideWordAllowed) return [at];
  const snapped = startOfWordAt(text, at);
  const word = isWordCharacter(text, snapped) ? snapped : nextWordStart(text, snapped);
  const options = [insideWord(text, at) ? null : at, word, word === null ? null : nextWordStart(text, endOfWordAt(text, word + 1)), previousWordStart(text, word ?? at)];
  const withPunctuation = options.map((option) => {
    if (option === null) return null;
    let index = option;
    while (index > 0 && isClinging(text, index - 1)) index--;
    return index;
  });
  return withinBlock(text, [...options, ...withPunctuation], at);
}

/** Offsets near `at` where a match may end, as `startsNear` for starts (punctuation clinging after a word). */
export function endsNear(text: string, at: number, insideWordAllowed: boolean): number[] {
  if (insideWordAllowed) return [at];
  const snapped = endOfWordAt(text, at);
  const word = snapped > 0 && isWordCharacter(text, snapped - 1) ? snapped : previousWordEnd(text, snapped);
  const options = [insideWord(text, at) ? null : at, word, word === null ? null : previousWordEnd(text, startOfWordAt(text, word - 1)), nextWordEnd(text, word ?? at)];
  const withPunctuation = options.map((option) => {
    if (option === null) return null;
    let index = option;
    while (index < text.length && isClinging(text, index)) index++;
    return index;
  });
  return withinBlock(text, [...options, ...withPunctuation], at);
}

/** Offsets of the block breaks inside `text[start, end)`. */
export function blockBreaksIn(text: string, start: number, end: number): number[] {
  const breaks: number[] = [];
  for (let at = text.indexOf(BLOCK_BREAK, start); at !== -1 && at + BLOCK_BREAK.length <= end; at = text.indexOf(BLOCK_BREAK, at + BLOCK_BREAK.length)) breaks.push(at);
  return breaks;
}
