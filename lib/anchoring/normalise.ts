/**
 * Typographic normalisation with a map back to the original text, so a quote
 * typed with straight quotes and hyphens still finds an editor's curly quotes
 * and dashes, and a change of spacing does not lose an anchor.
 */

/** A normalised text and the way back to offsets in the original. */
export interface NormalisedText {
  text: string;
  /** Original offset of the start of normalised offset `index`. */
  toOriginalStart(index: number): number;
  /** Original offset of the end of a range ending at normalised offset `index`. */
  toOriginalEnd(index: number): number;
}

const SINGLE_QUOTES = /[‘’‚‛′`]/;
const DOUBLE_QUOTES = /[“”„‟″«»]/;
const DASHES = /[‐‑‒–—―−]/;
const INVISIBLE = /[\u00ad\u200b\u200c\u200d\u2060\ufeff]/;
const SPACE = /\s/;
const BACKTICK = 0x60;

/** Whether a character is whitespace; ASCII is decided without a regular expression, which dominated anchoring's profile. */
function isSpace(char: string, code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return SPACE.test(char);
}

/** What a character becomes: itself for all of ASCII but the backtick, so only the rest is tested against the typographic sets. */
function replacementFor(char: string, code: number): string {
  if (code < 0x80) return code === BACKTICK ? "'" : char;
  if (SINGLE_QUOTES.test(char)) return "'";
  if (DOUBLE_QUOTES.test(char)) return '"';
  if (DASHES.test(char)) return "-";
  if (char === "…") return "...";
  if (INVISIBLE.test(char)) return "";
  return char;
}

/**
 * Normalises quotes, dashes, ellipses, invisible characters and runs of
 * whitespace (to one space). Offsets map back exactly at range boundaries.
 */
export function normalise(original: string): NormalisedText {
  const parts: string[] = [];
  const origins: number[] = [];
  let inSpace = false;
  for (let index = 0; index < original.length; index++) {
    const char = original[index]!;
    const code = original.charCodeAt(index);
    if (isSpace(char, code)) {
      if (!inSpace) {
        parts.push(" ");
        origins.push(index);
      }
      inSpace = true;
      continue;
    }
    inSpace = false;
    const replacement = replacementFor(char, code);
    for (let k = 0; k < replacement.length; k++) origins.push(index);
    parts.push(replacement);
  }
  return {
    text: parts.join(""),
    toOriginalStart: (index) => (index >= origins.length ? original.length : origins[index]!),
    toOriginalEnd: (index) => (index <= 0 ? 0 : origins[index - 1]! + 1),
  };
}

/** Normalises a short string (a quote or its context) as `normalise` does, without keeping the map. */
export function normaliseString(value: string): string {
  let text = "";
  let inSpace = false;
  for (let index = 0; index < value.length; index++) {
    const char = value[index]!;
    const code = value.charCodeAt(index);
    if (isSpace(char, code)) {
      if (!inSpace) text += " ";
      inSpace = true;
      continue;
    }
    inSpace = false;
    text += replacementFor(char, code);
  }
  return text;
}
