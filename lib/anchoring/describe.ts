import type { Selectors } from "./types";

/** Characters of context kept either side of a quote, as the W3C model suggests. */
export const CONTEXT_LENGTH = 32;

/**
 * Describes the range [start, end) of `text` with a TextQuoteSelector (the
 * words plus up to `contextLength` characters of prefix and suffix) and a
 * TextPositionSelector. Throws a RangeError for an empty or out-of-bounds range.
 */
export function describe(text: string, start: number, end: number, contextLength = CONTEXT_LENGTH): Selectors {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length || end <= start) {
    throw new RangeError(`Cannot describe [${start}, ${end}) in a text of length ${text.length}.`);
  }
  return {
    quote: {
      type: "TextQuoteSelector",
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - contextLength), start),
      suffix: text.slice(end, end + contextLength),
    },
    position: { type: "TextPositionSelector", start, end },
  };
}
