import { beforeAll, describe as group, expect, it } from "vitest";
import { anchor, createAnchorer, describe, type Anchor } from "@/lib/anchoring";
import { canonicalText } from "@/lib/essays/document";
import { hasSharedFixture, SHARED_FIXTURE, SHARED_FIXTURE_SKIP_NOTE } from "../support/fixtures";
import { buildRevisionSet, evaluate, loadEssay, PROJECT_ESSAYS, type MatcherFor, type RevisionUnderTest, type SourceEssay, type Tally } from "../support/revision-set";
import { expectationFor, newPositions } from "../support/revision-set/expectation";
import { render, track } from "../support/revision-set/tracked-essay";

/**
 * Issue 16, "anchoring that is never wrong": realistic revisions of the
 * project's essays, every highlight's expected outcome known by construction
 * (tests/support/revision-set), and a hand-checked list of the revisions
 * that put the old matcher on the wrong words.
 */

/**
 * Highlights that could have been placed but were orphaned, as a share of
 * those that must be placed: 14 of 5,165 (0.27%) when this bound was set,
 * all one- or two-word quotes: eleven whose context was edited on one side
 * (which is also what a deleted sentence followed by one that begins the
 * same way looks like), three four-letter words changed by a letter. An
 * orphan is listed to its reader; a wrong placement is not noticed. Over
 * eight other seeds of the set the share stayed under 0.25%.
 */
const WRONGLY_ORPHANED_BOUND = 0.01;

const glossa: MatcherFor = (text) => {
  const anchorer = createAnchorer(text);
  return (selectors) => {
    const result = anchorer.anchor(selectors);
    return result.status === "anchored" ? { start: result.start, end: result.end } : null;
  };
};

function report(label: string, tally: Tally): void {
  const kinds = Object.entries(tally.byKind)
    .map(([kind, count]) => `${kind}: ${count}`)
    .join("; ");
  console.info(`${label}: ${tally.cases} highlights (${tally.mustPlace} must be placed): right ${tally.right}, wrong ${tally.wrong}, wrongly orphaned ${tally.wronglyOrphaned}. By kind — ${kinds}.`);
}

function expectNeverWrong(tally: Tally): void {
  // Listing the wrong ones (not just counting them) says what went wrong when this fails.
  expect(tally.failures.filter((failure) => failure.verdict === "wrong")).toEqual([]);
  expect(tally.wronglyOrphaned / tally.mustPlace).toBeLessThan(WRONGLY_ORPHANED_BOUND);
}

let projectEssays: SourceEssay[];
let projectSet: RevisionUnderTest[];

beforeAll(async () => {
  projectEssays = await Promise.all(PROJECT_ESSAYS.map(loadEssay));
  projectSet = buildRevisionSet(projectEssays);
}, 60_000);

group("the revision set of the project's own essays", () => {
  it("puts no highlight on the wrong words, and orphans few that could be placed", { timeout: 60_000 }, () => {
    const tally = evaluate(projectSet, glossa);
    report("Project essays", tally);
    expect(tally.cases).toBeGreaterThan(6000);
    expectNeverWrong(tally);
  });

  it("covers every kind of edit and highlight, with outcomes of every kind", () => {
    const edits = new Set(projectSet.map((revision) => revision.edits));
    for (const kind of [
      "typo fixes",
      "punctuation fixes",
      "sentence rewrites",
      "added paragraphs",
      "moved paragraphs",
      "deleted paragraph",
      "renamed and moved section",
      "rewritten section",
      "all combined",
    ]) {
      expect(
        [...edits].some((name) => name.startsWith(kind)),
        kind,
      ).toBe(true);
    }
    const cases = projectSet.flatMap((revision) => revision.cases);
    for (const kind of ["short", "sentence", "passage", "cross-break", "arbitrary"]) {
      expect(cases.filter((item) => item.kind === kind).length, kind).toBeGreaterThan(100);
    }
    for (const outcome of ["place", "either", "orphan"]) {
      expect(cases.filter((item) => item.expectation.outcome === outcome).length, outcome).toBeGreaterThan(100);
    }
  });
});

group.skipIf(!hasSharedFixture)("the revision set of the shared column (../shared; skipped when it is absent)", () => {
  it("puts no highlight on the wrong words there either", { timeout: 60_000 }, async () => {
    const tally = evaluate(buildRevisionSet([await loadEssay(SHARED_FIXTURE)]), glossa);
    report("Shared column", tally);
    expectNeverWrong(tally);
  });
});
if (!hasSharedFixture) console.warn(SHARED_FIXTURE_SKIP_NOTE);

group("the revision set's own expectations", () => {
  it("expect every highlight of an unedited revision exactly where it was", () => {
    for (const essay of projectEssays) {
      const original = canonicalText(essay.blocks);
      const unedited = render(track(essay.blocks));
      expect(unedited.text).toBe(original);
      const positions = newPositions(original.length, unedited);
      for (let start = 0; start + 40 < original.length; start += 37) {
        const expectation = expectationFor(original, start, start + 40, unedited, positions);
        expect(expectation).toMatchObject({ outcome: "place", span: { start, end: start + 40 } });
      }
    }
  });
});

/** A hand-written revision of one of the project's essays and where one highlight must go. */
interface TrickyRevision {
  name: string;
  essay: string;
  /** Literal replacements made in turn on the essay's canonical text (each of text that occurs exactly once). */
  edits: [string, string][];
  /** The highlighted words, and which of their occurrences in the original (from 0). */
  quote: string;
  occurrence?: number;
  /** The words the highlight must cover in the revision (`at`: which occurrence), or null: it must be an orphan. */
  expected: string | null;
  at?: number;
  /** Whether an orphan is right too: the words changed enough, or lost their context, that a reader could not be sure either. */
  orphanAlsoRight?: boolean;
}

const DELETED_THIRD_PARAGRAPH = [
  "has to quote the third paragraph to be understood, and by the time anyone reads it the article may have been corrected and the third paragraph may be the fourth.",
  "has to quote it in full, and by then the article may have been rewritten.",
] as [string, string];

const TRICKY: TrickyRevision[] = [
  // 1. A short quote whose sentence was rewritten or deleted, with the same words elsewhere.
  {
    name: "the second 'the third paragraph', rewritten away, is not put on the first",
    essay: "demo-essay.md",
    edits: [DELETED_THIRD_PARAGRAPH],
    quote: "the third paragraph",
    occurrence: 1,
    expected: null,
  },
  { name: "nor is the third", essay: "demo-essay.md", edits: [DELETED_THIRD_PARAGRAPH], quote: "the third paragraph", occurrence: 2, expected: null },
  {
    name: "'A margin' of a rewritten sentence is not put on the other 'A margin'",
    essay: "demo-essay.md",
    edits: [["A margin that anyone can write in is a wall", "Anyone can write on a wall"]],
    quote: "A margin",
    occurrence: 1,
    expected: null,
  },
  {
    name: "'A crossing of' of a deleted sentence is not put on the next sentence, which begins the same way and slid into its place",
    essay: "harbour-post-column.txt",
    edits: [["A crossing of twenty-six minutes is long enough to finish a chapter or a conversation. ", ""]],
    quote: "A crossing of",
    expected: null,
  },
  {
    name: "'It needs' of a deleted sentence is not put on the next 'It needs', now at its old offsets",
    essay: "demo-essay.md",
    edits: [["It needs to hold on to the words, so that a note made today still points at the right sentence after tomorrow's correction, and says honestly when it no longer can. ", ""]],
    quote: "It needs",
    expected: null,
  },
  {
    name: "'the argument' rewritten out of its sentence is not put on the other 'the argument'",
    essay: "lantern-review-essay.html",
    edits: [["and the argument disappeared into", "and then it disappeared into"]],
    quote: "the argument",
    expected: null,
  },
  // 2. Matches across a block break, and matches inside a word.
  {
    name: "a passage across a break whose next paragraph was deleted does not reach into the heading now there",
    essay: "demo-essay.md",
    edits: [["\n\nNone of this is a failure of manners. It is a failure of architecture.", ""]],
    quote: "page two has nowhere to stand.\n\nNone of",
    expected: "page two has nowhere to stand.",
    orphanAlsoRight: true,
  },
  {
    name: "a passage ending on 'A' of a paragraph that moved away does not take the 'A' of the heading now there",
    essay: "harbour-post-column.txt",
    edits: [
      [
        "\n\nA transport system that optimises the thing its users rank seventh is not being modernised. It is being run for the convenience of the people who draw the diagrams, for whom a shorter line between two points is always an improvement, whatever happens to the people standing on it.",
        "",
      ],
    ],
    quote: "availability of coffee.\n\nA",
    expected: "availability of coffee.",
    orphanAlsoRight: true,
  },
  {
    name: "a passage across a break into a section that moved away does not follow into the next section",
    essay: "lantern-review-essay.html",
    edits: [
      [
        "\n\nNames as arguments\n\nEvery street name is an argument that has been won. Somebody, at some point, proposed that a general, a battle or a saint deserved to be spoken by every resident giving directions. The proposal passed, the signs went up, and the argument disappeared into the furniture of daily life.\n\nRenaming reopens the argument, which is exactly why it provokes such strong feelings. People who never thought about the general now find themselves defending him, not because they admire him but because they have spent thirty years writing his name on envelopes.",
        "",
      ],
    ],
    quote: "keep saying out loud.\n\nNames as arguments",
    expected: "keep saying out loud.",
    orphanAlsoRight: true,
  },
  {
    name: "a quote whose first word was replaced starts at the new word, not inside it",
    essay: "demo-essay.md",
    edits: [["know exactly where", "know precisely where"]],
    quote: "exactly where you stopped agreeing.",
    expected: "precisely where you stopped agreeing.",
  },
  {
    name: "a quote whose last word gained a letter ends with the word, not inside it",
    essay: "harbour-post-column.txt",
    edits: [["than the old boat did", "than the old boats did"]],
    quote: "the old boat",
    expected: "the old boats",
  },
  // 3. A repeated word changed by one character is found, not orphaned or put on another.
  {
    name: "'It needs' lowered to 'it needs' is found where it is, not on the 'It needs' elsewhere",
    essay: "demo-essay.md",
    edits: [[". It needs to show", "; it needs to show"]],
    quote: "It needs",
    occurrence: 1,
    expected: "it needs",
  },
  {
    name: "'committee' capitalised in one of three places is found there",
    essay: "harbour-post-column.txt",
    edits: [["The committee has already said", "The Committee has already said"]],
    quote: "committee",
    occurrence: 1,
    expected: "Committee",
  },
  // Controls: what must still work.
  {
    name: "a repeated short quote follows its own words when a paragraph is added above",
    essay: "demo-essay.md",
    edits: [["Every serious reader", "A new first paragraph, written for the second edition.\n\nEvery serious reader"]],
    quote: "the article",
    occurrence: 1,
    expected: "the article",
    at: 1,
  },
  {
    name: "a one-sentence paragraph moved to the end is found there, or honestly orphaned (its context is all new)",
    essay: "harbour-post-column.txt",
    edits: [
      ["\n\nNobody asked for this.", ""],
      ["cannot lose itself.", "cannot lose itself.\n\nNobody asked for this."],
    ],
    quote: "Nobody asked for this.",
    expected: "Nobody asked for this.",
    orphanAlsoRight: true,
  },
  {
    name: "a quote beside an edit is found exactly",
    essay: "lantern-review-essay.html",
    edits: [["When the council voted", "When the council finally voted"]],
    quote: "considerably longer",
    expected: "considerably longer",
  },
];

function nthIndex(text: string, words: string, occurrence: number): number {
  let at = -1;
  for (let seen = 0; seen <= occurrence; seen++) {
    at = text.indexOf(words, at + 1);
    if (at === -1) throw new Error(`"${words}" (occurrence ${occurrence}) is not in the text.`);
  }
  return at;
}

function placedWords(text: string, result: Anchor): string | null {
  return result.status === "anchored" ? text.slice(result.start, result.end) : null;
}

group("hand-checked revisions that put the old matcher on the wrong words", () => {
  for (const tricky of TRICKY) {
    it(tricky.name, () => {
      const essay = projectEssays.find((candidate) => candidate.name === tricky.essay)!;
      const original = canonicalText(essay.blocks);
      let revised = original;
      for (const [from, to] of tricky.edits) {
        expect(revised.split(from), `the edit's text occurs once: ${from}`).toHaveLength(2);
        revised = revised.replace(from, to);
      }
      const start = nthIndex(original, tricky.quote, tricky.occurrence ?? 0);
      const result = anchor(describe(original, start, start + tricky.quote.length), revised);
      if (tricky.expected === null) {
        expect(result.status, `placed on ${JSON.stringify(placedWords(revised, result))}`).toBe("orphaned");
        return;
      }
      if (result.status === "orphaned" && tricky.orphanAlsoRight) return;
      const expectedStart = nthIndex(revised, tricky.expected, tricky.at ?? 0);
      expect(result).toMatchObject({ status: "anchored", start: expectedStart, end: expectedStart + tricky.expected.length });
    });
  }
});
