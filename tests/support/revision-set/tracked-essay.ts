import { BLOCK_SEPARATOR, type BlockKind, type DraftBlock } from "@/lib/essays/document";

/**
 * An essay revision whose every character remembers where it came from: its
 * offset in the original canonical text, or NEW for a character an edit
 * wrote. Edits are applied to the block list and copy origins along, so the
 * place a highlighted passage went to (or that it is gone) is known by
 * construction, never guessed by a matcher.
 */

/** The origin of a character an edit wrote. */
export const NEW = -1;

/** One block of a tracked revision. */
export interface TrackedBlock {
  kind: BlockKind;
  text: string;
  /** origins[i] is the original canonical offset of text[i], or NEW. */
  origins: readonly number[];
}

/** A revision as an ordered list of tracked blocks. */
export type TrackedEssay = readonly TrackedBlock[];

/** A rendered revision: its canonical text and the origin of each of its characters. */
export interface RenderedRevision {
  blocks: DraftBlock[];
  text: string;
  origins: Int32Array;
}

/** The original itself: every character comes from where it is. */
export function track(blocks: readonly DraftBlock[]): TrackedEssay {
  let offset = 0;
  return blocks.map((block) => {
    const origins = Array.from({ length: block.text.length }, (_, index) => offset + index);
    offset += block.text.length + BLOCK_SEPARATOR.length;
    return { kind: block.kind, text: block.text, origins };
  });
}

/**
 * The canonical text of a tracked revision. A separator keeps its origin only
 * when the blocks either side of it were neighbours in the original, so a
 * passage that crossed a paragraph break still crosses the same break.
 */
export function render(essay: TrackedEssay): RenderedRevision {
  const origins: number[] = [];
  essay.forEach((block, index) => {
    if (index > 0) {
      const before = essay[index - 1]!.origins.at(-1);
      const after = block.origins[0];
      const adjacent = before !== undefined && after !== undefined && before !== NEW && after === before + 1 + BLOCK_SEPARATOR.length;
      for (let k = 0; k < BLOCK_SEPARATOR.length; k++) origins.push(adjacent ? before + 1 + k : NEW);
    }
    origins.push(...block.origins);
  });
  return {
    blocks: essay.map(({ kind, text }) => ({ kind, text })),
    text: essay.map((block) => block.text).join(BLOCK_SEPARATOR),
    origins: Int32Array.from(origins),
  };
}

function withBlock(essay: TrackedEssay, index: number, block: TrackedBlock): TrackedEssay {
  return essay.map((existing, at) => (at === index ? block : existing));
}

/**
 * Replaces `length` characters at `at` in block `index` with `replacement`,
 * keeping the origins of the characters old and new share at either end: a
 * typo fix "teh" → "the" keeps the "t", a case fix "The" → "the" keeps "he".
 */
export function replaceInBlock(essay: TrackedEssay, index: number, at: number, length: number, replacement: string): TrackedEssay {
  const block = essay[index]!;
  const old = block.text.slice(at, at + length);
  let shared = 0;
  while (shared < old.length && shared < replacement.length && old[shared] === replacement[shared]) shared++;
  let sharedEnd = 0;
  while (sharedEnd < old.length - shared && sharedEnd < replacement.length - shared && old[old.length - 1 - sharedEnd] === replacement[replacement.length - 1 - sharedEnd]) sharedEnd++;
  const origins = [
    ...block.origins.slice(0, at + shared),
    ...Array<number>(replacement.length - shared - sharedEnd).fill(NEW),
    ...block.origins.slice(at + length - sharedEnd, at + length),
    ...block.origins.slice(at + length),
  ];
  return withBlock(essay, index, { kind: block.kind, text: block.text.slice(0, at) + replacement + block.text.slice(at + length), origins });
}

/** Where the `occurrence`-th (from 0) `words` are: block index and offset inside it. Throws when they are not there. */
export function locate(essay: TrackedEssay, words: string, occurrence = 0): { index: number; at: number } {
  let seen = 0;
  for (let index = 0; index < essay.length; index++) {
    for (let at = essay[index]!.text.indexOf(words); at !== -1; at = essay[index]!.text.indexOf(words, at + 1)) {
      if (seen++ === occurrence) return { index, at };
    }
  }
  throw new Error(`Revision set: "${words}" (occurrence ${occurrence}) is not in the essay.`);
}

/** Replaces the `occurrence`-th `words` with `replacement`, character-aligned at both ends (a small fix). */
export function fix(essay: TrackedEssay, words: string, replacement: string, occurrence = 0): TrackedEssay {
  const { index, at } = locate(essay, words, occurrence);
  return replaceInBlock(essay, index, at, words.length, replacement);
}

/**
 * Rewrites the only occurrence of `old` as `template`. Parts of the template
 * in braces are kept from `old` (found in order, so they carry their
 * origins); everything else is newly written. "Of all forums, {the margin is
 * the oldest}." keeps five words of the old sentence and writes the rest.
 */
export function rewrite(essay: TrackedEssay, old: string, template: string): TrackedEssay {
  const { index, at } = locate(essay, old);
  let later = true;
  try {
    locate(essay, old, 1);
  } catch {
    later = false;
  }
  if (later) throw new Error(`Revision set: "${old}" occurs more than once; rewrite needs one.`);
  const block = essay[index]!;
  let text = "";
  const origins: number[] = [];
  let cursor = 0;
  for (const [part, kept] of template.split(/[{}]/).map((piece, position) => [piece, position % 2 === 1] as const)) {
    if (kept) {
      const found = old.indexOf(part, cursor);
      if (found === -1) throw new Error(`Revision set: kept part "${part}" is not in "${old}" after offset ${cursor}.`);
      origins.push(...block.origins.slice(at + found, at + found + part.length));
      cursor = found + part.length;
    } else {
      origins.push(...Array<number>(part.length).fill(NEW));
    }
    text += part;
  }
  const replaced = {
    kind: block.kind,
    text: block.text.slice(0, at) + text + block.text.slice(at + old.length),
    origins: [...block.origins.slice(0, at), ...origins, ...block.origins.slice(at + old.length)],
  };
  return withBlock(essay, index, replaced);
}

/** The index of the block that begins with `opening`. Throws when there is none. */
export function blockStarting(essay: TrackedEssay, opening: string): number {
  const index = essay.findIndex((block) => block.text.startsWith(opening));
  if (index === -1) throw new Error(`Revision set: no block begins "${opening}".`);
  return index;
}

/** Deletes the blocks at `indices`. */
export function deleteBlocks(essay: TrackedEssay, indices: readonly number[]): TrackedEssay {
  return essay.filter((_, index) => !indices.includes(index));
}

/** Moves `count` blocks starting at `from` so that they come before the block now at `before` (essay.length: to the end). */
export function moveBlocks(essay: TrackedEssay, from: number, count: number, before: number): TrackedEssay {
  if (before > from && before < from + count) throw new Error("Revision set: cannot move blocks into themselves.");
  const moving = essay.slice(from, from + count);
  const rest = [...essay.slice(0, from), ...essay.slice(from + count)];
  const target = before > from ? before - count : before;
  return [...rest.slice(0, target), ...moving, ...rest.slice(target)];
}

/** Inserts a newly written block before the block at `before`. */
export function insertBlock(essay: TrackedEssay, before: number, kind: BlockKind, text: string): TrackedEssay {
  const block = { kind, text, origins: Array<number>(text.length).fill(NEW) };
  return [...essay.slice(0, before), block, ...essay.slice(before)];
}
