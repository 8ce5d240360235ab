import type { DraftBlock } from "@/lib/essays/document";
import { sentencesOf, wordsOf } from "./text-units";
import { deleteBlocks, insertBlock, moveBlocks, replaceInBlock, rewrite, type TrackedEssay } from "./tracked-essay";

/**
 * Edits an editor makes, generated from a seed so they apply to any essay
 * (the shared fixture included, whose text must not be copied into the
 * project): typo and punctuation fixes, sentence rewrites, added, moved and
 * deleted paragraphs, a renamed and moved section, a rewritten section.
 */

/** One typo in the original and its fix in the revision. */
export interface Typo {
  index: number;
  at: number;
  typo: string;
  correct: string;
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)]!;
}

function misspell(word: string, random: () => number): string {
  const at = 1 + Math.floor(random() * (word.length - 2));
  switch (Math.floor(random() * 4)) {
    case 0:
      return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    case 1:
      return word.slice(0, at) + word.slice(at + 1);
    case 2:
      return word.slice(0, at) + word[at] + word.slice(at);
    default:
      return word.slice(0, at) + (word[at] === "e" ? "a" : "e") + word.slice(at + 1);
  }
}

/**
 * Puts `count` typos into the paragraphs of `blocks` (one word each; words
 * that occur more than once are three times as likely to be chosen, since
 * repeated words are where matchers go wrong). Returns the misspelt original
 * and the typos, to be fixed in the revision by `fixTypos` before any other
 * edit (the others find their words in the fixture's spelling).
 */
export function injectTypos(blocks: readonly DraftBlock[], count: number, random: () => number): { original: DraftBlock[]; typos: Typo[] } {
  const counts = new Map<string, number>();
  const words = blocks.flatMap((block, index) =>
    block.kind === "paragraph"
      ? wordsOf(block.text)
          .map((word) => ({ index, ...word, text: block.text.slice(word.start, word.end) }))
          .filter((word) => /^\p{L}{4,}$/u.test(word.text))
      : [],
  );
  for (const word of words) counts.set(word.text, (counts.get(word.text) ?? 0) + 1);
  const weighted = words.flatMap((word) => (counts.get(word.text)! > 1 ? [word, word, word] : [word]));
  const typos: Typo[] = [];
  for (let attempt = 0; typos.length < count && attempt < count * 20; attempt++) {
    const word = pick(weighted, random);
    if (typos.some((typo) => typo.index === word.index && typo.at === word.start)) continue;
    const typo = misspell(word.text, random);
    if (typo !== word.text) typos.push({ index: word.index, at: word.start, typo, correct: word.text });
  }
  const original = blocks.map((block, index) => {
    let text = block.text;
    for (const typo of typos.filter((t) => t.index === index).sort((a, b) => b.at - a.at)) text = text.slice(0, typo.at) + typo.typo + text.slice(typo.at + typo.correct.length);
    return { kind: block.kind, text };
  });
  // Offsets of later typos in the same block shift by the earlier ones' change in length.
  const shifted = typos.map((typo) => ({
    ...typo,
    at: typo.at + typos.filter((other) => other.index === typo.index && other.at < typo.at).reduce((shift, other) => shift + other.typo.length - other.correct.length, 0),
  }));
  return { original, typos: shifted };
}

/** Fixes the typos `injectTypos` made (offsets in the misspelt original). */
export function fixTypos(essay: TrackedEssay, typos: readonly Typo[]): TrackedEssay {
  const ordered = [...typos].sort((a, b) => a.index - b.index || b.at - a.at);
  return ordered.reduce((revised, typo) => replaceInBlock(revised, typo.index, typo.at, typo.typo.length, typo.correct), essay);
}

/**
 * Corrects `count` occurrences of words that occur three times or more by
 * one character each, as a copy editor does: a house-style capital
 * ("committee" → "Committee"), a plural, or a capital lowered. The other
 * occurrences stay as they were, so the old words are still in the text,
 * elsewhere.
 */
export function correctRepeatedWords(essay: TrackedEssay, count: number, random: () => number): TrackedEssay {
  const occurrences = new Map<string, { index: number; at: number }[]>();
  essay.forEach((block, index) => {
    if (block.kind !== "paragraph") return;
    for (const word of wordsOf(block.text)) {
      const text = block.text.slice(word.start, word.end);
      if (/^\p{L}{4,}$/u.test(text)) occurrences.set(text, [...(occurrences.get(text) ?? []), { index, at: word.start }]);
    }
  });
  const repeated = [...occurrences].filter(([, places]) => places.length >= 3);
  const edits: Replacement[] = [];
  for (let attempt = 0; edits.length < count && attempt < count * 10 && repeated.length > 0; attempt++) {
    const [word, places] = pick(repeated, random);
    const { index, at } = pick(places, random);
    if (edits.some((edit) => edit.index === index && edit.at === at)) continue;
    const first = word[0]!;
    const corrected =
      first === first.toLowerCase() && random() < 0.5
        ? first.toUpperCase() + word.slice(1)
        : first !== first.toLowerCase()
          ? first.toLowerCase() + word.slice(1)
          : word.endsWith("s")
            ? word.slice(0, -1)
            : `${word}s`;
    edits.push({ index, at, length: word.length, replacement: corrected });
  }
  return applyReplacements(essay, edits);
}

interface Replacement {
  index: number;
  at: number;
  length: number;
  replacement: string;
}

function applyReplacements(essay: TrackedEssay, replacements: readonly Replacement[]): TrackedEssay {
  const ordered = [...replacements].sort((a, b) => a.index - b.index || b.at - a.at);
  const kept = ordered.filter((edit, position) => {
    const next = ordered[position - 1];
    return !next || next.index !== edit.index || edit.at + edit.length <= next.at;
  });
  return kept.reduce((revised, edit) => replaceInBlock(revised, edit.index, edit.at, edit.length, edit.replacement), essay);
}

/** Sentences that commonly open with these words can be joined to the one before with a semicolon. */
const JOINABLE_OPENING = /^(The|It|A|They|This|That|People|Every|And|One|There|Renaming|Somebody|Nobody|You)\b/;

/**
 * Punctuation fixes: typewriter apostrophes and quotation marks made
 * typographic, "..." made an ellipsis, a few sentences joined with a
 * semicolon (the next one's capital lowered), a few commas dropped and a few
 * added after an opening phrase.
 */
export function punctuationFixes(essay: TrackedEssay, random: () => number): TrackedEssay {
  const edits: Replacement[] = [];
  essay.forEach((block, index) => {
    const text = block.text;
    for (const match of text.matchAll(/(?<=\p{L})'(?=\p{L})/gu)) edits.push({ index, at: match.index, length: 1, replacement: "’" });
    let opening = true;
    for (const match of text.matchAll(/"/g)) {
      edits.push({ index, at: match.index, length: 1, replacement: opening ? "“" : "”" });
      opening = !opening;
    }
    for (const match of text.matchAll(/\.\.\./g)) edits.push({ index, at: match.index, length: 3, replacement: "…" });
    if (block.kind !== "paragraph") return;
    for (const sentence of sentencesOf(text).slice(1)) {
      const following = text.slice(sentence.start);
      if (JOINABLE_OPENING.test(following) && text[sentence.start - 2] === "." && random() < 0.25) {
        edits.push({ index, at: sentence.start - 2, length: 3, replacement: `; ${following[0]!.toLowerCase()}` });
      }
    }
    for (const match of text.matchAll(/, (?!and\b)/g)) if (random() < 0.12) edits.push({ index, at: match.index, length: 2, replacement: " " });
    for (const sentence of sentencesOf(text)) {
      const words = wordsOf(text.slice(sentence.start, sentence.end));
      const after = words[3];
      if (words.length >= 10 && after && text[sentence.start + after.end] === " " && random() < 0.12) {
        edits.push({ index, at: sentence.start + after.end, length: 1, replacement: ", " });
      }
    }
  });
  return applyReplacements(essay, edits);
}

const CLAUSES = [
  "is, on reflection, a claim worth putting more carefully",
  "matters rather less than it first appears to",
  "deserves a longer answer than there is room for here",
  "was, as it turned out, only half of the story",
  "has been said often enough that it no longer needs saying",
];
const OPENINGS = ["On a second reading,", "Put more plainly,", "As the editors now put it,", "Whatever else is true,"];

/**
 * Rewrites `count` sentences of the paragraphs `eligible` allows: some
 * deleted, some with their second half rewritten, some with their first half
 * rewritten, some with their middle rewritten.
 */
export function rewriteSentences(essay: TrackedEssay, count: number, random: () => number, eligible: (index: number) => boolean = () => true): TrackedEssay {
  let revised = essay;
  const done = new Set<string>();
  for (let attempt = 0; done.size < count && attempt < count * 20; attempt++) {
    const index = Math.floor(random() * revised.length);
    const block = revised[index]!;
    if (block.kind !== "paragraph" || !eligible(index)) continue;
    const sentences = sentencesOf(block.text);
    const chosen = pick(sentences, random);
    const sentence = block.text.slice(chosen.start, chosen.end);
    const words = wordsOf(sentence);
    if (words.length < 6 || done.has(sentence) || revised.filter((b) => b.text.includes(sentence)).length !== 1 || block.text.indexOf(sentence) !== block.text.lastIndexOf(sentence)) continue;
    const third = Math.max(1, Math.floor(words.length / 3));
    const head = sentence.slice(0, words[third - 1]!.end);
    const tail = sentence.slice(words[words.length - third]!.start);
    const mode = Math.floor(random() * 4);
    if (mode === 0) {
      if (sentences.length === 1) continue;
      const withSpace = chosen.end < block.text.length ? `${sentence} ` : ` ${sentence}`;
      revised = rewrite(revised, withSpace, "");
    } else if (mode === 1) {
      revised = rewrite(revised, sentence, `{${head}} ${pick(CLAUSES, random)}.`);
    } else if (mode === 2) {
      revised = rewrite(revised, sentence, `${pick(OPENINGS, random)} {${tail}}`);
    } else {
      revised = rewrite(revised, sentence, `{${head}} ${pick(CLAUSES, random)}, and {${tail}}`);
    }
    done.add(sentence);
  }
  return revised;
}

function paragraphIndices(essay: TrackedEssay): number[] {
  return essay.flatMap((block, index) => (block.kind === "paragraph" ? [index] : []));
}

/** Moves `count` paragraphs each to somewhere at least two blocks away. */
export function moveParagraphs(essay: TrackedEssay, count: number, random: () => number): TrackedEssay {
  let revised = essay;
  for (let moved = 0, attempt = 0; moved < count && attempt < 50; attempt++) {
    const from = pick(paragraphIndices(revised), random);
    const before = Math.floor(random() * (revised.length + 1));
    if (Math.abs(before - from) < 2) continue;
    revised = moveBlocks(revised, from, 1, before);
    moved++;
  }
  return revised;
}

const NEW_PARAGRAPHS = [
  "A note on this revision: several passages below have been corrected since the first edition, and one section has moved.",
  "Readers have written in about the argument that follows, and some of their objections are answered in the closing section.",
  "It is worth saying plainly what this essay does not claim, since the first version was read as claiming rather more.",
];

/** Adds `count` newly written paragraphs: the first above everything else, the others anywhere. */
export function addParagraphs(essay: TrackedEssay, count: number, random: () => number): TrackedEssay {
  let revised = essay;
  for (let added = 0; added < count; added++) {
    const before = added === 0 ? 0 : Math.floor(random() * (revised.length + 1));
    revised = insertBlock(revised, before, "paragraph", NEW_PARAGRAPHS[added % NEW_PARAGRAPHS.length]!);
  }
  return revised;
}

/** Deletes `count` paragraphs. */
export function deleteParagraphs(essay: TrackedEssay, count: number, random: () => number): TrackedEssay {
  const chosen = new Set<number>();
  const paragraphs = paragraphIndices(essay);
  while (chosen.size < Math.min(count, paragraphs.length - 1)) chosen.add(pick(paragraphs, random));
  return deleteBlocks(essay, [...chosen]);
}

/** The blocks of the section headed by the heading at `heading`: it and what follows up to the next heading. */
export function sectionAt(essay: TrackedEssay, heading: number): { from: number; count: number } {
  let end = heading + 1;
  while (end < essay.length && essay[end]!.kind !== "heading") end++;
  return { from: heading, count: end - heading };
}

const RENAMED_ENDINGS = ["Reconsidered", "Once More", "in Practice", "Today"];

/** Renames a section (its last word replaced) and moves it, heading and paragraphs, to before another section or to the end. */
export function renameAndMoveSection(essay: TrackedEssay, random: () => number): TrackedEssay {
  const headings = essay.flatMap((block, index) => (block.kind === "heading" ? [index] : []));
  if (headings.length === 0) return essay;
  const heading = pick(headings, random);
  const words = wordsOf(essay[heading]!.text);
  const title = essay[heading]!.text;
  const renamed = words.length > 1 ? rewrite(essay, title, `{${title.slice(0, words.at(-2)!.end)}} ${pick(RENAMED_ENDINGS, random)}`) : essay;
  const { from, count } = sectionAt(renamed, heading);
  const targets = [...headings.filter((other) => other !== heading && other !== from + count), renamed.length].filter((target) => target !== from + count);
  return moveBlocks(renamed, from, count, pick(targets, random));
}

/** Rewrites most sentences of one section's paragraphs. */
export function rewriteSection(essay: TrackedEssay, random: () => number): TrackedEssay {
  const headings = essay.flatMap((block, index) => (block.kind === "heading" ? [index] : []));
  const { from, count } = headings.length > 0 ? sectionAt(essay, pick(headings, random)) : { from: 0, count: essay.length };
  const sentences = essay.slice(from, from + count).reduce((sum, block) => sum + sentencesOf(block.text).length, 0);
  return rewriteSentences(essay, Math.ceil(sentences * 0.6), random, (index) => index > from && index < from + count);
}
