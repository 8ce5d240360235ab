/**
 * Small judgements about lines of article text that every importer shares:
 * tidying whitespace, telling a heading from a sentence, spotting a byline.
 */

/**
 * Tidies a line as copied from a page: no-break and other exotic spaces become
 * plain spaces and runs of them collapse. The words themselves are untouched.
 */
export function tidyLine(line: string): string {
  return line
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g, " ")
    .replace(/[\u200b\u200c\u200d\u2060]/g, "")
    .replace(/ {2,}/g, " ")
    .trim();
}

/** Keeps the runs of spaces a copied line uses to separate interface labels. */
export function tidyLineKeepingGaps(line: string): string {
  return line
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g, " ")
    .replace(/[\u200b\u200c\u200d\u2060]/g, "")
    .trim();
}

const SENTENCE_END = /[.,;:!…]$/;
const CLOSING_MARKS = /["”’')\]]+$/;

/**
 * Whether a line reads as a headline or section heading rather than prose:
 * short, starting with a capital or digit, and not ending like a sentence
 * ("The results are already visible." is a paragraph, however short).
 * A question may be a heading.
 */
export function isHeadingLike(line: string): boolean {
  const text = line.trim();
  const wordCount = text.split(/\s+/).length;
  if (text.length > 120 || wordCount > 16 || wordCount < 1) return false;
  if (!/^[\p{Lu}\p{N}“"‘']/u.test(text)) return false;
  return !SENTENCE_END.test(text.replace(CLOSING_MARKS, ""));
}

const BYLINE = /^(?:by|words by|written by|opinion by|text by)\s+(.+)$/i;
const NAME = /^[\p{Lu}][\p{L}'’.-]*(?:\s+(?:[\p{Lu}][\p{L}'’.-]*|de|van|von|der|da|di|le|la|bin|al|and|&))*$/u;

/**
 * The author's name from a byline line ("By Maren Okafor, transport writer"
 * → "Maren Okafor"), or null when the line is not a byline.
 */
export function bylineName(line: string): string | null {
  const match = BYLINE.exec(line.trim());
  if (!match) return null;
  const name = match[1]!.split(/\s*(?:,|\||·|•| - | – | — )\s*/)[0]!.trim();
  if (!NAME.test(name) || name.split(/\s+/).length > 6) return null;
  return name;
}

/** Number of words in a line. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
