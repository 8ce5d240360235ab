import { readFileSync } from "node:fs";
import { describe as group, expect, it } from "vitest";
import { anchor, anchorAll, anchorAllInChunks, describe, normalise, ORPHAN_THRESHOLD, type Anchor, type Selectors } from "@/lib/anchoring";
import { canonicalText } from "@/lib/essays/document";
import { parseMarkdown } from "@/lib/essays/import/parse-markdown";
import { projectFixture } from "../support/fixtures";

const essay = canonicalText(parseMarkdown(readFileSync(projectFixture("..", "..", "prisma", "seed", "demo-essay.md"), "utf8")).blocks);

function selectorsFor(text: string, words: string, occurrence = 0): Selectors {
  let start = -1;
  for (let seen = 0; seen <= occurrence; seen++) start = text.indexOf(words, start + 1);
  if (start === -1) throw new Error(`not found: ${words}`);
  return describe(text, start, start + words.length);
}

function wordsAt(text: string, result: Anchor): string {
  if (result.status !== "anchored") throw new Error(`orphaned: ${result.reason}`);
  return text.slice(result.start, result.end);
}

group("describe", () => {
  it("keeps the quote, 32 characters of context and the position", () => {
    const selectors = selectorsFor(essay, "it keeps the reply next to the sentence");
    expect(selectors.quote.prefix).toHaveLength(32);
    expect(essay.slice(selectors.position.start - 32, selectors.position.end + 32)).toBe(selectors.quote.prefix + selectors.quote.exact + selectors.quote.suffix);
  });

  it("has short context at the very start and end of the text", () => {
    expect(describe(essay, 0, 5).quote.prefix).toBe("");
    expect(describe(essay, essay.length - 5, essay.length).quote.suffix).toBe("");
  });

  it("refuses empty and out-of-bounds ranges", () => {
    expect(() => describe(essay, 5, 5)).toThrow(RangeError);
    expect(() => describe(essay, -1, 4)).toThrow(RangeError);
    expect(() => describe(essay, 0, essay.length + 1)).toThrow(RangeError);
  });
});

group("anchor on the unchanged text", () => {
  it("round-trips every sentence by its position", () => {
    const sentences = essay.match(/[^.!?\n]+[.!?]/g)!.slice(0, 40);
    for (const sentence of sentences) {
      const result = anchor(selectorsFor(essay, sentence), essay);
      expect(result).toMatchObject({ status: "anchored", method: "position", confidence: 1 });
      expect(wordsAt(essay, result)).toBe(sentence);
    }
  });

  it("anchors quotes at the very start and the very end", () => {
    for (const [start, end] of [
      [0, 30],
      [essay.length - 30, essay.length],
    ] as const) {
      const result = anchor(describe(essay, start, end), essay);
      expect(result).toMatchObject({ start, end, status: "anchored" });
    }
  });
});

group("anchor after edits", () => {
  const repeated = [
    "The margin remembers.",
    "A reader wrote in the first margin.",
    "The margin remembers.",
    "A reader wrote in the second margin.",
    "The margin remembers.",
    "A reader wrote in the third margin.",
  ].join("\n\n");

  it("picks the right one of a repeated phrase by its context", () => {
    const second = selectorsFor(repeated, "The margin remembers.", 1);
    const edited = `A new opening line shifts every offset.\n\n${repeated}`;
    const result = anchor(second, edited);
    expect(result.status).toBe("anchored");
    const expectedStart = edited.indexOf("The margin remembers.", edited.indexOf("first margin"));
    expect(result).toMatchObject({ start: expectedStart, method: "quote" });
  });

  it("survives typographic changes: curly quotes, dashes and spacing", () => {
    const original = `He said "no" - twice - and left the room's door open.\n\n${essay}`;
    const selectors = selectorsFor(original, `"no" - twice - and left the room's door`);
    const edited = `He said “no” — twice — and  left the room’s door open.\n\n${essay}`;
    const result = anchor(selectors, edited);
    expect(wordsAt(edited, result)).toBe("“no” — twice — and  left the room’s door");
    expect((result as { confidence: number }).confidence).toBeGreaterThan(ORPHAN_THRESHOLD);
  });

  it("finds a moved paragraph by its quote", () => {
    const paragraphs = essay.split("\n\n");
    const moved = paragraphs[1]!;
    const selectors = selectorsFor(essay, moved.slice(10, 90));
    const edited = [...paragraphs.slice(0, 1), ...paragraphs.slice(2), moved].join("\n\n");
    const result = anchor(selectors, edited);
    expect(result).toMatchObject({ status: "anchored", method: "quote" });
    expect(wordsAt(edited, result)).toBe(moved.slice(10, 90));
    expect((result as { confidence: number }).confidence).toBeGreaterThanOrEqual(0.9);
  });

  it("follows a small edit inside the quote fuzzily, to the right place", () => {
    const words = "careful reader who disagrees with one sentence on page two has nowhere to stand";
    const selectors = selectorsFor(essay, words);
    const edited = essay.replace(words, "careful reader who disagrees with a single sentence on page two has nowhere to stand");
    const result = anchor(selectors, edited);
    expect(result).toMatchObject({ status: "anchored", method: "fuzzy" });
    expect(wordsAt(edited, result)).toBe("careful reader who disagrees with a single sentence on page two has nowhere to stand");
  });

  it("makes a deleted passage an orphan", () => {
    const paragraph = essay.split("\n\n")[4]!;
    const selectors = selectorsFor(essay, paragraph.slice(0, 120));
    const result = anchor(selectors, essay.replace(paragraph, "").replace("\n\n\n\n", "\n\n"));
    expect(result.status).toBe("orphaned");
  });

  it("makes a passage rewritten beyond recognition an orphan, not a wrong match", () => {
    const words = "None of this is a failure of manners. It is a failure of architecture.";
    const selectors = selectorsFor(essay, words);
    const edited = essay.replace(words, "Manners have little to do with it; the trouble lies in how the thing was built.");
    expect(anchor(selectors, edited).status).toBe("orphaned");
  });

  it("does not put a short quote on the same words elsewhere once its own context is gone", () => {
    const text = "Alpha beta gamma. The margin is wide. Delta epsilon zeta.\n\nEta theta iota. The margin is wide. Kappa lambda mu.";
    const first = selectorsFor(text, "margin");
    const edited = "Completely new text here. Nothing from before.\n\nEta theta iota. The margin is wide. Kappa lambda mu.";
    const result = anchor(first, edited);
    expect(result.status === "orphaned" || (result.status === "anchored" && result.confidence >= ORPHAN_THRESHOLD)).toBe(true);
    if (result.status === "anchored") expect(wordsAt(edited, result)).toBe("margin");
  });
});

group("normalise", () => {
  it("maps range boundaries back to the original text", () => {
    const original = "A “quote” — with\u00a0 spaces… and ‘more’.";
    const normalised = normalise(original);
    expect(normalised.text).toBe(`A "quote" - with spaces... and 'more'.`);
    const start = normalised.text.indexOf("with");
    const end = normalised.text.indexOf("...") + 3;
    expect(original.slice(normalised.toOriginalStart(start), normalised.toOriginalEnd(end))).toBe("with\u00a0 spaces…");
  });
});

group("batches", () => {
  it("anchors a batch in chunks that yield, with the same results", async () => {
    const list = Array.from({ length: 200 }, (_, index) => describe(essay, index * 10, index * 10 + 25));
    const edited = essay.replace(/ the /g, " a ");
    const chunked = await anchorAllInChunks(list, edited, { budgetMs: 2 });
    expect(chunked.anchors).toEqual(anchorAll(list, edited));
    expect(chunked.tasks).toBeGreaterThanOrEqual(1);
  });
});
