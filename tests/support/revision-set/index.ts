import path from "node:path";
import { describe, type Selectors } from "@/lib/anchoring";
import { PROJECT_ROOT } from "@/lib/db/migrations";
import { canonicalText, type DraftBlock } from "@/lib/essays/document";
import { parseEssay } from "@/lib/essays/import";
import { loadSource } from "@/lib/essays/import/load-source";
import { seeded } from "../../../scripts/bench/anchoring-workload";
import { projectFixture } from "../fixtures";
import { expectationFor, failureKind, judge, newPositions, type Expectation, type FailureKind, type Verdict } from "./expectation";
import {
  addParagraphs,
  correctRepeatedWords,
  deleteParagraphs,
  fixTypos,
  injectTypos,
  moveParagraphs,
  punctuationFixes,
  renameAndMoveSection,
  rewriteSection,
  rewriteSentences,
  sectionAt,
} from "./generated-edits";
import { HAND_EDITS, type HandEdits } from "./hand-edits";
import { planHighlights, type HighlightKind } from "./highlights";
import { blockStarting, deleteBlocks, fix, moveBlocks, render, rewrite, track, type TrackedEssay } from "./tracked-essay";

/**
 * The revision set of issue 16: realistic revisions of the project's essays
 * (typo and punctuation fixes, sentence rewrites, added, moved and deleted
 * paragraphs, a renamed and moved section, a rewritten section, and all of
 * them at once), every highlight's expected outcome known by construction
 * (see ./expectation.ts), and a tally of how a matcher does on them.
 */

/** The project's own essays: the seed essay and the two import fixtures. */
export const PROJECT_ESSAYS = [path.join(PROJECT_ROOT, "prisma", "seed", "demo-essay.md"), projectFixture("essays", "harbour-post-column.txt"), projectFixture("essays", "lantern-review-essay.html")];

const TYPOS = 14;
const REPEATED_WORD_CORRECTIONS = 6;

/** An essay to revise, with its hand-written edits when it is one of the project's fixtures. */
export interface SourceEssay {
  name: string;
  blocks: DraftBlock[];
  hand: HandEdits | undefined;
}

/** Reads and parses an essay file as the importer does. */
export async function loadEssay(file: string): Promise<SourceEssay> {
  const name = path.basename(file);
  return { name, blocks: (await parseEssay(await loadSource(file))).blocks, hand: HAND_EDITS[name] };
}

/** One highlight made on the original and what it should become. */
export interface RevisionCase {
  kind: HighlightKind;
  start: number;
  end: number;
  selectors: Selectors;
  expectation: Expectation;
}

/** One revision of one essay and the highlights to anchor in it. */
export interface RevisionUnderTest {
  essay: string;
  edits: string;
  original: string;
  text: string;
  cases: RevisionCase[];
}

function applyHand(essay: TrackedEssay, hand: HandEdits, part: "corrections" | "rewrites" | "renamedSection" | "rewrittenSection"): TrackedEssay {
  if (part === "corrections") return hand.corrections.reduce((revised, [words, replacement]) => fix(revised, words, replacement), essay);
  if (part === "rewrites") return hand.rewrites.reduce((revised, [old, template]) => rewrite(revised, old, template), essay);
  if (part === "rewrittenSection") {
    const rewritten = hand.rewrittenSection.rewrites.reduce((revised, [old, template]) => rewrite(revised, old, template), essay);
    return deleteBlocks(
      rewritten,
      hand.rewrittenSection.deleted.map((opening) => blockStarting(rewritten, opening)),
    );
  }
  const [heading, template] = hand.renamedSection.heading;
  const index = blockStarting(essay, heading);
  const renamed = rewrite(essay, heading, template);
  const { from, count } = sectionAt(renamed, index);
  const before = hand.renamedSection.before === null ? renamed.length : blockStarting(renamed, hand.renamedSection.before);
  return moveBlocks(renamed, from, count, before);
}

function revisionsOf(essay: SourceEssay, seed: number): { edits: string; original: readonly DraftBlock[]; revised: TrackedEssay }[] {
  const random = seeded(seed);
  const fixture = essay.blocks;
  const tracked = track(fixture);
  const hand = essay.hand;
  const misspelt = injectTypos(fixture, TYPOS, random);
  const typosFixed = fixTypos(track(misspelt.original), misspelt.typos);
  const combined = (): TrackedEssay => {
    let revised = typosFixed;
    if (hand) {
      for (const part of ["corrections", "rewrites", "rewrittenSection", "renamedSection"] as const) revised = applyHand(revised, hand, part);
    } else {
      revised = renameAndMoveSection(rewriteSection(rewriteSentences(revised, 3, random), random), random);
    }
    revised = correctRepeatedWords(revised, REPEATED_WORD_CORRECTIONS, random);
    return punctuationFixes(addParagraphs(moveParagraphs(deleteParagraphs(revised, 1, random), 1, random), 1, random), random);
  };
  return [
    {
      edits: "typo fixes",
      original: misspelt.original,
      revised: correctRepeatedWords(hand ? applyHand(typosFixed, hand, "corrections") : typosFixed, REPEATED_WORD_CORRECTIONS, random),
    },
    { edits: "punctuation fixes", original: fixture, revised: punctuationFixes(tracked, random) },
    ...(hand ? [{ edits: "sentence rewrites (hand-written)", original: fixture, revised: applyHand(tracked, hand, "rewrites") }] : []),
    { edits: "sentence rewrites (generated)", original: fixture, revised: rewriteSentences(tracked, 5, random) },
    { edits: "added paragraphs", original: fixture, revised: addParagraphs(tracked, 2, random) },
    { edits: "moved paragraphs", original: fixture, revised: moveParagraphs(tracked, 1, random) },
    { edits: "moved paragraphs (two)", original: fixture, revised: moveParagraphs(tracked, 2, random) },
    { edits: "deleted paragraph", original: fixture, revised: deleteParagraphs(tracked, 1, random) },
    { edits: "deleted paragraphs (two)", original: fixture, revised: deleteParagraphs(tracked, 2, random) },
    ...(hand ? [{ edits: "renamed and moved section (hand-written)", original: fixture, revised: applyHand(tracked, hand, "renamedSection") }] : []),
    { edits: "renamed and moved section (generated)", original: fixture, revised: renameAndMoveSection(tracked, random) },
    ...(hand ? [{ edits: "rewritten section (hand-written)", original: fixture, revised: applyHand(tracked, hand, "rewrittenSection") }] : []),
    { edits: "rewritten section (generated)", original: fixture, revised: rewriteSection(tracked, random) },
    { edits: "all combined", original: misspelt.original, revised: combined() },
  ];
}

/** The revisions of `essays` with their highlights and expectations. Deterministic for a given seed. */
export function buildRevisionSet(essays: readonly SourceEssay[], seed = 16): RevisionUnderTest[] {
  return essays.flatMap((essay, position) =>
    revisionsOf(essay, seed * 1000 + position).map(({ edits, original: blocks, revised }) => {
      const original = canonicalText(blocks);
      const rendered = render(revised);
      const positions = newPositions(original.length, rendered);
      const cases = planHighlights(blocks, original, seeded(seed * 1000 + position + 500)).map((highlight) => ({
        ...highlight,
        selectors: describe(original, highlight.start, highlight.end),
        expectation: expectationFor(original, highlight.start, highlight.end, rendered, positions),
      }));
      return { essay: essay.name, edits, original, text: rendered.text, cases };
    }),
  );
}

/** Where a matcher put a highlight, or null for an orphan. */
export type Placement = { start: number; end: number } | null;

/** A matcher prepared for one revised text. */
export type MatcherFor = (text: string) => (selectors: Selectors) => Placement;

/** One case a matcher got wrong or wrongly orphaned. */
export interface Failure {
  verdict: Exclude<Verdict, "right">;
  kind: FailureKind;
  essay: string;
  edits: string;
  highlight: HighlightKind;
  quote: string;
  expected: string;
  got: string;
}

/** How a matcher did on the set. */
export interface Tally {
  cases: number;
  /** Cases whose words are there, unchanged or changed by a typo: a matcher must place these. */
  mustPlace: number;
  right: number;
  wrong: number;
  wronglyOrphaned: number;
  byKind: Record<FailureKind, number>;
  failures: Failure[];
}

const EMPTY_KINDS = (): Record<FailureKind, number> => ({
  "1: short quote on other words": 0,
  "2: across a block break or inside a word": 0,
  "3: changed words orphaned, old words elsewhere": 0,
  "other wrong placement": 0,
  "other orphan": 0,
});

/** Runs `matcherFor` over every case of `set` and counts right, wrong and wrongly orphaned outcomes. */
export function evaluate(set: readonly RevisionUnderTest[], matcherFor: MatcherFor): Tally {
  const tally: Tally = { cases: 0, mustPlace: 0, right: 0, wrong: 0, wronglyOrphaned: 0, byKind: EMPTY_KINDS(), failures: [] };
  for (const revision of set) {
    const match = matcherFor(revision.text);
    for (const item of revision.cases) {
      const placement = match(item.selectors);
      const verdict = judge(item.expectation, placement, revision.text);
      tally.cases += 1;
      if (item.expectation.outcome === "place") tally.mustPlace += 1;
      if (verdict === "right") {
        tally.right += 1;
        continue;
      }
      if (verdict === "wrong") tally.wrong += 1;
      else tally.wronglyOrphaned += 1;
      const quote = item.selectors.quote.exact;
      const kind = failureKind(verdict, item.expectation, quote, placement, { text: revision.original, start: item.start, end: item.end }, revision.text);
      tally.byKind[kind] += 1;
      const expected =
        item.expectation.outcome === "orphan"
          ? `orphan (${item.expectation.reason})`
          : `${item.expectation.outcome} ${JSON.stringify(revision.text.slice(item.expectation.span.start, item.expectation.span.end))} at ${item.expectation.span.start} (${item.expectation.reason})`;
      const got = placement ? `${JSON.stringify(revision.text.slice(placement.start, placement.end))} at ${placement.start}` : "orphan";
      tally.failures.push({ verdict, kind, essay: revision.essay, edits: revision.edits, highlight: item.kind, quote, expected, got });
    }
  }
  return tally;
}
