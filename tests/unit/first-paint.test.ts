import { describe, expect, it } from "vitest";
import { firstPaintOf, sceneOfFirstPaint } from "@/lib/highlights/first-paint";

const own = [{ id: "h1", start: 0, end: 4, colour: "yellow" as const, private: true }];
const others = [
  { start: 0, end: 10, reader: "ana" },
  { start: 5, end: 15, reader: "ben" },
  // Ana again, past her first: still one reader where her two overlap.
  { start: 8, end: 12, reader: "ana" },
];

describe("the highlights' first paint", () => {
  it("flattens other readers' density to start, end, readers triples", () => {
    expect(firstPaintOf(own, others)).toEqual({ own, density: [0, 5, 1, 5, 12, 2, 12, 15, 1] });
  });

  it("paints as the full list would for each layer choice", () => {
    const first = firstPaintOf(own, others);
    expect(sceneOfFirstPaint(first, "everyone")).toEqual({
      own,
      density: [
        { start: 0, end: 5, readers: 1 },
        { start: 5, end: 12, readers: 2 },
        { start: 12, end: 15, readers: 1 },
      ],
    });
    expect(sceneOfFirstPaint(first, "mine")).toEqual({ own, density: [] });
    expect(sceneOfFirstPaint(first, "none")).toEqual({ own: [], density: [] });
  });
});
