import { describe, expect, it } from "vitest";
import { advance, awaitedGaps, GAP_WAIT_MS, MAX_GAP_SPAN, startCursor } from "@/lib/live/event-cursor";

const ESSAY = "essay-a";
const event = (id: number, essayId = ESSAY) => ({ id, essayId });
const ids = (events: { id: number }[]) => events.map((each) => each.id);

describe("event cursor", () => {
  it("sends events in order and moves past them", () => {
    const cursor = startCursor(10);
    expect(ids(advance(cursor, ESSAY, [event(11), event(12)], 0))).toEqual([11, 12]);
    expect(cursor.after).toBe(12);
    expect(awaitedGaps(cursor, 0)).toEqual([]);
    expect(ids(advance(cursor, ESSAY, [event(12)], 0))).toEqual([]);
  });

  it("sends an event that commits after a later one was sent", () => {
    const cursor = startCursor(40);
    // 41's transaction has not committed when 42 is read.
    expect(ids(advance(cursor, ESSAY, [event(42)], 0))).toEqual([42]);
    expect(awaitedGaps(cursor, 5)).toEqual([41]);
    expect(ids(advance(cursor, ESSAY, [event(41), event(43)], 5))).toEqual([41, 43]);
    expect(awaitedGaps(cursor, 5)).toEqual([]);
  });

  it("forgets a gap that turns out to be another essay's event, without sending it", () => {
    const cursor = startCursor(0);
    advance(cursor, ESSAY, [event(3)], 0);
    expect(awaitedGaps(cursor, 0)).toEqual([1, 2]);
    expect(ids(advance(cursor, ESSAY, [event(1, "essay-b"), event(2)], 1))).toEqual([2]);
    expect(awaitedGaps(cursor, 1)).toEqual([]);
  });

  it("stops waiting for a gap that never fills (a rolled-back write)", () => {
    const cursor = startCursor(0);
    advance(cursor, ESSAY, [event(2)], 1_000);
    expect(awaitedGaps(cursor, 1_000 + GAP_WAIT_MS)).toEqual([1]);
    expect(awaitedGaps(cursor, 1_001 + GAP_WAIT_MS)).toEqual([]);
  });

  it("remembers at most MAX_GAP_SPAN ids below an event", () => {
    const cursor = startCursor(0);
    advance(cursor, ESSAY, [event(50_000)], 0);
    const gaps = awaitedGaps(cursor, 0);
    expect(gaps).toHaveLength(MAX_GAP_SPAN);
    expect(Math.min(...gaps)).toBe(50_000 - MAX_GAP_SPAN);
  });
});
