/**
 * Words and sentences of a canonical text, written for the revision set on
 * its own (not borrowed from lib/anchoring) so the expectations do not share
 * a mistake with the matcher they judge.
 */

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const APOSTROPHE = /['’]/;

function isWordCharacter(text: string, index: number): boolean {
  const char = text[index];
  if (char === undefined) return false;
  if (LETTER_OR_DIGIT.test(char)) return true;
  // "stranger's" is one word; a closing quote mark is not part of one.
  return APOSTROPHE.test(char) && LETTER_OR_DIGIT.test(text[index - 1] ?? "") && LETTER_OR_DIGIT.test(text[index + 1] ?? "");
}

/** Whether offset `at` falls between two characters of the same word. */
export function insideWord(text: string, at: number): boolean {
  return at > 0 && at < text.length && isWordCharacter(text, at - 1) && isWordCharacter(text, at);
}

/** The start of the word that `at` falls inside, or `at` itself. */
export function wordStartAt(text: string, at: number): number {
  let start = at;
  while (insideWord(text, start)) start--;
  return start;
}

/** The end of the word that `at` falls inside, or `at` itself. */
export function wordEndAt(text: string, at: number): number {
  let end = at;
  while (insideWord(text, end)) end++;
  return end;
}

/** The words of `text` (runs of word characters) with their offsets. */
export function wordsOf(text: string): { start: number; end: number }[] {
  const words: { start: number; end: number }[] = [];
  for (let at = 0; at < text.length; at++) {
    if (!isWordCharacter(text, at)) continue;
    const end = wordEndAt(text, at + 1);
    words.push({ start: at, end });
    at = end;
  }
  return words;
}

/** The sentences of one block, with offsets relative to the block: split after . ! ? followed by a space. */
export function sentencesOf(block: string): { start: number; end: number }[] {
  const sentences: { start: number; end: number }[] = [];
  let start = 0;
  for (const boundary of block.matchAll(/[.!?]["”’)]?(?= )/g)) {
    const end = boundary.index + boundary[0].length;
    sentences.push({ start, end });
    start = end + 1;
  }
  if (start < block.length) sentences.push({ start, end: block.length });
  return sentences;
}

/** How many words `text` has. */
export function wordCount(text: string): number {
  return wordsOf(text).length;
}
