import { describe, expect, it } from "vitest";
import { canonicalText, placeBlocks, slugify } from "@/lib/essays/document";

describe("essay coordinate system", () => {
  it("places blocks at their offsets in the canonical text", () => {
    const drafts = [
      { kind: "paragraph" as const, text: "First." },
      { kind: "heading" as const, text: "A Heading" },
      { kind: "paragraph" as const, text: "Second one." },
    ];
    const text = canonicalText(drafts);
    for (const block of placeBlocks(drafts)) {
      expect(text.slice(block.start, block.end)).toBe(block.text);
    }
    expect(placeBlocks(drafts).map((b) => b.id)).toEqual(["p-1", "s-a-heading", "p-2"]);
  });

  it("de-duplicates heading ids", () => {
    const ids = placeBlocks([
      { kind: "heading", text: "Notes" },
      { kind: "heading", text: "Notes" },
    ]).map((b) => b.id);
    expect(ids).toEqual(["s-notes", "s-notes-2"]);
  });

  it("slugifies curly punctuation away", () => {
    expect(slugify("Hezbollah’s “Resistance”")).toBe("hezbollahs-resistance");
  });
});
