// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from "vitest";
import { offsetsFromRange, rangeFromOffsets, sentenceOffsetsAt } from "@/lib/anchoring/dom";
import { canonicalText, placeBlocks } from "@/lib/essays/document";
import { indexIntervals } from "@/lib/highlights/intervals";
import { createPainter } from "@/lib/highlights/paint";

const drafts = [
  { kind: "paragraph" as const, text: "The first paragraph has words. It has two sentences." },
  { kind: "heading" as const, text: "A Section" },
  { kind: "paragraph" as const, text: "The second paragraph ends the essay." },
];
const text = canonicalText(drafts);

let body: HTMLElement;

beforeEach(() => {
  document.body.innerHTML = `<p id="outside">Outside words</p><div data-essay-body>${placeBlocks(drafts)
    .map((block) => `<${block.kind === "heading" ? "h2" : "p"} data-block data-start="${block.start}" data-end="${block.end}">${block.text}</${block.kind === "heading" ? "h2" : "p"}>`)
    .join("")}</div>`;
  body = document.querySelector("[data-essay-body]")!;
});

describe("DOM ranges and canonical offsets", () => {
  it("round-trip within a block and across blocks and sections", () => {
    for (const [start, end] of [
      [4, 9],
      [10, 75],
      [0, text.length],
      [60, 69],
    ] as const) {
      const range = rangeFromOffsets(body, start, end)!;
      expect(range.toString().replace(/\s+/g, "")).toBe(text.slice(start, end).replace(/\s+/g, ""));
      expect(offsetsFromRange(range, body)).toEqual({ start, end });
    }
  });

  it("ignores selections outside the essay and clamps ones that start outside it", () => {
    const outside = document.createRange();
    outside.selectNodeContents(document.getElementById("outside")!);
    expect(offsetsFromRange(outside, body)).toBeNull();

    const straddling = document.createRange();
    straddling.setStart(document.getElementById("outside")!.firstChild!, 3);
    straddling.setEnd(body.querySelector("p")!.firstChild!, 9);
    expect(offsetsFromRange(straddling, body)).toEqual({ start: 0, end: 9 });
  });

  it("finds the sentence around a caret", () => {
    const first = body.querySelector("p")!;
    const { start, end } = sentenceOffsetsAt(first, 35);
    expect(text.slice(start, end)).toBe("It has two sentences.");
  });
});

describe("painting without the CSS Custom Highlight API", () => {
  it("wraps passages in marks without changing the text, and clears them", () => {
    const painter = createPainter(body, { forceFallback: true });
    expect(painter.native).toBe(false);
    painter.paint({ own: [{ id: "a", start: 4, end: 20, colour: "green", private: false }], density: [{ start: 10, end: 70, readers: 2 }] });
    const marks = [...body.querySelectorAll("mark.glossa-mark")];
    expect(marks.map((mark) => [mark.className, mark.textContent])).toEqual([
      ["glossa-mark glossa-mine-green", text.slice(4, 20)],
      ["glossa-mark glossa-readers-2", text.slice(20, 52)],
      ["glossa-mark glossa-readers-2", "A Section"],
      ["glossa-mark glossa-readers-2", text.slice(65, 70)],
    ]);
    const range = painter.rangeFor(10, 70)!;
    expect(offsetsFromRange(range, body)).toEqual({ start: 10, end: 70 });
    painter.clear();
    expect(body.querySelectorAll("mark").length).toBe(0);
    expect([...body.querySelectorAll("[data-block]")].map((block) => block.textContent)).toEqual(drafts.map((draft) => draft.text));
  });
});

describe("hit-testing", () => {
  it("finds every highlight covering an offset", () => {
    const index = indexIntervals([
      { id: "long", start: 0, end: 100 },
      { id: "short", start: 40, end: 45 },
      { id: "later", start: 60, end: 80 },
    ]);
    expect(index.covering(42).sort()).toEqual(["long", "short"]);
    expect(index.covering(45)).toEqual(["long"]);
    expect(index.covering(70).sort()).toEqual(["later", "long"]);
    expect(index.covering(100)).toEqual([]);
  });
});
