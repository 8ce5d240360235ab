import { describe, expect, it } from "vitest";
import { coverageSegments, topPassages } from "@/lib/highlights/coverage";

describe("coverage segments", () => {
  it("counts distinct readers over overlapping highlights", () => {
    const segments = coverageSegments([
      { start: 0, end: 10, authorHandle: "ann" },
      { start: 5, end: 15, authorHandle: "bob" },
      { start: 8, end: 12, authorHandle: "cy" },
    ]);
    expect(segments).toEqual([
      { start: 0, end: 5, readers: 1 },
      { start: 5, end: 8, readers: 2 },
      { start: 8, end: 10, readers: 3 },
      { start: 10, end: 12, readers: 2 },
      { start: 12, end: 15, readers: 1 },
    ]);
  });

  it("counts one reader once however many of their highlights overlap", () => {
    const segments = coverageSegments([
      { start: 0, end: 10, authorHandle: "ann" },
      { start: 2, end: 6, authorHandle: "ann" },
    ]);
    expect(segments).toEqual([{ start: 0, end: 10, readers: 1 }]);
  });

  it("leaves gaps uncovered and ignores empty intervals", () => {
    const segments = coverageSegments([
      { start: 0, end: 3, authorHandle: "ann" },
      { start: 7, end: 7, authorHandle: "bob" },
      { start: 5, end: 9, authorHandle: "bob" },
    ]);
    expect(segments).toEqual([
      { start: 0, end: 3, readers: 1 },
      { start: 5, end: 9, readers: 1 },
    ]);
  });
});

describe("top passages", () => {
  it("marks a passage three readers highlighted, with its count", () => {
    const passages = topPassages([
      { start: 0, end: 20, authorHandle: "ann" },
      { start: 4, end: 18, authorHandle: "bob" },
      { start: 6, end: 30, authorHandle: "cy" },
      { start: 10, end: 12, authorHandle: "dee" },
      { start: 40, end: 50, authorHandle: "ann" },
    ]);
    expect(passages).toEqual([{ start: 6, end: 18, readers: 4 }]);
  });

  it("does not mark a passage two readers highlighted", () => {
    expect(
      topPassages([
        { start: 0, end: 5, authorHandle: "a" },
        { start: 0, end: 5, authorHandle: "b" },
      ]),
    ).toEqual([]);
  });
});
