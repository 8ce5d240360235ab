import { describe, expect, it } from "vitest";
import { HEAT_WEIGHTS, heatScore, passageHeat, threadScore, type ThreadHeat } from "@/lib/moderation/heat";
import { passagePhase } from "@/lib/moderation/passage-phase";
import type { CommentContext } from "@/lib/moderation/pipeline";
import { combineControls, commentNotices, controlsOn, highlightNotices, overlaps, paceInWords, slowMessage, type PassageControlView } from "@/lib/passages/view";

const quiet = { comments: 0, participants: 0, reports: 0, held: 0, hidden: 0, suspectHits: 0 };

function control(start: number, end: number, fields: Partial<PassageControlView> = {}): PassageControlView {
  return {
    id: `${start}-${end}`,
    start,
    end,
    exact: "x".repeat(end - start),
    locked: false,
    slowModeSeconds: 0,
    preModerate: false,
    highlightsClosed: false,
    publicHighlightsOff: false,
    reason: null,
    automatic: false,
    ...fields,
  };
}

function thread(rootId: number, passage: { start: number; end: number } | null, participantIds: string[], extra: Partial<ThreadHeat> = {}): ThreadHeat {
  return { rootId, passage, participantIds, comments: participantIds.length, reports: 0, held: 0, hidden: 0, suspectHits: 0, ...extra };
}

describe("overlap", () => {
  it("is half-open: ranges that only touch do not overlap", () => {
    expect(overlaps({ start: 0, end: 10 }, { start: 10, end: 20 })).toBe(false);
    expect(overlaps({ start: 0, end: 11 }, { start: 10, end: 20 })).toBe(true);
    expect(overlaps({ start: 5, end: 6 }, { start: 0, end: 100 })).toBe(true);
    expect(overlaps({ start: 0, end: 100 }, { start: 5, end: 6 })).toBe(true);
  });

  it("finds the controls on a passage and combines them strictest first", () => {
    const controls = [control(0, 10, { slowModeSeconds: 60 }), control(5, 15, { slowModeSeconds: 600, automatic: true }), control(20, 30, { locked: true, reason: "Cooling off." })];
    const on = controlsOn(controls, { start: 8, end: 12 });
    expect(on.map((c) => c.id)).toEqual(["0-10", "5-15"]);
    expect(combineControls(on)).toMatchObject({ locked: false, slowModeSeconds: 600, slowedAutomatically: true });
    expect(combineControls(controlsOn(controls, { start: 0, end: 30 }))).toMatchObject({ locked: true, lockReason: "Cooling off.", slowModeSeconds: 600 });
    expect(combineControls([])).toMatchObject({ locked: false, slowModeSeconds: 0, preModerate: false, highlightsClosed: false, publicHighlightsOff: false });
  });

  it("says what applies in words", () => {
    expect(paceInWords(600)).toBe("10 minutes");
    expect(paceInWords(60)).toBe("minute");
    expect(paceInWords(45)).toBe("45 seconds");
    expect(slowMessage(600, false)).toBe("Comments on this passage are slowed to one per 10 minutes.");
    expect(slowMessage(120, true)).toMatch(/^Slowed automatically: this discussion is very active\./);
    expect(commentNotices(combineControls([control(0, 5, { locked: true, reason: "Off topic." }), control(0, 5, { slowModeSeconds: 60 })]))).toEqual([
      "This passage is locked by the moderators: Off topic.",
    ]);
    expect(highlightNotices(combineControls([control(0, 5, { highlightsClosed: true })]), true)).toEqual(["New highlights are closed on this passage."]);
    expect(highlightNotices(combineControls([]), false)[0]).toMatch(/turned public highlights off for this essay/);
  });
});

describe("the passage phase", () => {
  const context = (passage: CommentContext["passage"], isEdit = false) => ({ passage, isEdit }) as CommentContext;
  it("refuses a comment on a locked passage with its reason, holds one on a pre-moderated passage, and lets edits and other comments through", () => {
    expect(passagePhase.run(context({ locked: true, lockReason: "Cooling off.", preModerate: false }))).toEqual({
      action: "reject",
      kind: "closed",
      reason: "This passage is locked by the moderators: Cooling off.",
    });
    expect(passagePhase.run(context({ locked: false, lockReason: null, preModerate: true }))).toMatchObject({ action: "hold" });
    expect(passagePhase.run(context({ locked: true, lockReason: null, preModerate: false }, true))).toEqual({ action: "accept" });
    expect(passagePhase.run(context(null))).toEqual({ action: "accept" });
    expect(passagePhase.run(context(undefined))).toEqual({ action: "accept" });
  });
});

describe("heat", () => {
  it("is zero for a quiet hour and a weighted sum otherwise", () => {
    expect(heatScore(quiet)).toBe(0);
    expect(heatScore({ ...quiet, comments: 20, participants: 8 })).toBe(20 * HEAT_WEIGHTS.comments + 8 * HEAT_WEIGHTS.participants);
    // Friction weighs more than traffic: one report outweighs two more comments.
    expect(heatScore({ ...quiet, reports: 1 })).toBeGreaterThan(heatScore({ ...quiet, comments: 2 }));
    expect(heatScore({ ...quiet, hidden: 1 })).toBeGreaterThan(heatScore({ ...quiet, held: 1 }));
    expect(heatScore({ ...quiet, comments: -3 })).toBe(0);
  });

  it("counts a thread's participants once each", () => {
    expect(threadScore(thread(1, null, ["a", "b", "a", "a"]))).toBe(4 * HEAT_WEIGHTS.comments + 2 * HEAT_WEIGHTS.participants);
  });

  it("merges threads whose passages overlap, directly or through a third, into one passage, counting people once", () => {
    const passages = passageHeat([
      thread(1, { start: 0, end: 10 }, ["a", "b"]),
      thread(2, { start: 8, end: 20 }, ["b", "c"], { reports: 1 }),
      thread(3, { start: 19, end: 25 }, ["d"]),
      thread(4, { start: 40, end: 50 }, ["a"]),
      thread(5, null, ["z"]),
      thread(6, { start: 25, end: 30 }, ["e"]),
    ]);
    expect(passages.map((p) => [p.start, p.end, p.rootIds])).toEqual([
      [0, 25, [1, 2, 3]],
      [25, 30, [6]],
      [40, 50, [4]],
    ]);
    expect(passages[0]!.signals).toEqual({ comments: 5, participants: 4, reports: 1, held: 0, hidden: 0, suspectHits: 0 });
    expect(passages[0]!.score).toBe(heatScore(passages[0]!.signals));
  });
});
