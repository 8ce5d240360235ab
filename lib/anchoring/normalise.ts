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

function replacementFor(char: string): string {
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
  let text = "";
  const origins: number[] = [];
  let inSpace = false;
  for (let index = 0; index < original.length; index++) {
    const char = original[index]!;
    if (SPACE.test(char)) {
      if (!inSpace) {
        text += " ";
        origins.push(index);
      }
      inSpace = true;
      continue;
    }
    inSpace = false;
    const replacement = replacementFor(char);
    for (let k = 0; k < replacement.length; k++) origins.push(index);
    text += replacement;
  }
  return {
    text,
    toOriginalStart: (index) => (index >= origins.length ? original.length : origins[index]!),
    toOriginalEnd: (index) => (index <= 0 ? 0 : origins[index - 1]! + 1),
  };
}

/** Normalises a short string (a quote or its context) without keeping the map. */
export function normaliseString(value: string): string {
  return normalise(value).text;
}
