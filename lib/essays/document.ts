/**
 * The essay document and its coordinate system.
 *
 * An essay revision is stored as an ordered list of body blocks (section
 * headings and paragraphs). Its *canonical text* is the text of those blocks
 * joined by a blank line ("\n\n"), in order. The title, dek, byline and
 * attribution are metadata and are not part of the canonical text, so a reader
 * cannot highlight them.
 *
 * Every highlight position (W3C TextPositionSelector start/end) is a pair of
 * UTF-16 code unit offsets into that canonical text, half-open: [start, end).
 * Each rendered block carries `data-start`/`data-end` with its own offsets, so
 * the client maps a DOM selection to canonical offsets by adding the offset of
 * the selection inside the block's text to the block's `start`.
 *
 * Block ids are stable for a revision: headings use a slug of their text
 * (`s-<slug>`, de-duplicated with a numeric suffix) so table-of-contents links
 * survive small edits elsewhere; paragraphs use their ordinal (`p-<n>`).
 */

export const BLOCK_SEPARATOR = "\n\n";

export type BlockKind = "heading" | "paragraph";

/** A body block before offsets are assigned (what an importer produces). */
export interface DraftBlock {
  kind: BlockKind;
  text: string;
}

/** A body block placed in the canonical text. */
export interface EssayBlock extends DraftBlock {
  id: string;
  start: number;
  end: number;
}

/** Metadata and body of one essay, as produced by the importer. */
export interface ImportedEssay {
  title: string;
  dek: string | null;
  byline: string | null;
  /** Where the essay was published, e.g. "The Times of Israel (Blogs)". */
  attribution: string | null;
  blocks: DraftBlock[];
}

/** Turns heading text into a URL fragment slug. */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’'"“”]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80);
  return slug || "section";
}

/** Assigns ids and canonical offsets to draft blocks. */
export function placeBlocks(drafts: readonly DraftBlock[]): EssayBlock[] {
  const usedIds = new Set<string>();
  let offset = 0;
  let paragraphCount = 0;
  return drafts.map((draft, index) => {
    if (index > 0) offset += BLOCK_SEPARATOR.length;
    let id: string;
    if (draft.kind === "heading") {
      const base = `s-${slugify(draft.text)}`;
      id = base;
      for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    } else {
      paragraphCount += 1;
      id = `p-${paragraphCount}`;
    }
    usedIds.add(id);
    const block: EssayBlock = { ...draft, id, start: offset, end: offset + draft.text.length };
    offset = block.end;
    return block;
  });
}

/** The canonical text of a list of blocks. */
export function canonicalText(blocks: readonly DraftBlock[]): string {
  return blocks.map((block) => block.text).join(BLOCK_SEPARATOR);
}

const WORDS_PER_MINUTE = 230;

/** The number of words in a text. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Whole minutes to read a number of words at an adult's average silent reading speed. */
export function readingMinutesForWords(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
