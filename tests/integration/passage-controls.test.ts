import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { viewerFromToken, type Viewer } from "@/lib/auth/viewer";
import { createComment } from "@/lib/comments/create-comment";
import { db, disconnectDb } from "@/lib/db/client";
import { reviseEssay } from "@/lib/essays/revise-essay";
import { createHighlight } from "@/lib/highlights/create-highlight";
import { updateHighlight } from "@/lib/highlights/update-highlight";
import { applyAutoSlow } from "@/lib/moderation/auto-slow";
import { threadScore } from "@/lib/moderation/heat";
import { loadHeatingUp, loadThreadHeat } from "@/lib/moderation/load-heat";
import { closePassageToPublicHighlights } from "@/lib/passages/close-passage-to-public-highlights";
import { controlPassage } from "@/lib/passages/control-passage";
import { listPassageControls } from "@/lib/passages/list-passage-controls";
import { removePassageControl } from "@/lib/passages/remove-passage-control";
import { setEssayPublicHighlights } from "@/lib/passages/set-essay-public-highlights";
import { closeLimitStore } from "@/lib/rate-limit/store";
import { createTestEssay } from "../support/essays";

const FIRST = "Negotiation is not surrender, the essay says, and then treats every pause as one.";
const SECOND = "A second paragraph about something else entirely, far from the first.";
let counter = 0;

async function account(label: string, role: "READER" | "EDITOR" | "MODERATOR" | "ADMIN" = "READER"): Promise<Viewer> {
  counter += 1;
  const user = await db.user.create({
    data: {
      emailVerified: new Date(),
      email: `${label}-${counter}-${Date.now()}@example.test`,
      handle: `${label}-${counter}-${Date.now().toString(36)}`,
      name: label,
      role,
      createdAt: new Date("2026-01-01"),
    },
  });
  return (await viewerFromToken({ uid: user.id, sv: 0 }))!;
}

async function forgetFlood() {
  await db.$executeRaw`DELETE FROM rate_limits`;
}

/** A new essay of two paragraphs, and its text. */
async function essay(label: string) {
  return createTestEssay(label, "Talks", [
    { kind: "paragraph", text: FIRST },
    { kind: "paragraph", text: SECOND },
  ]);
}

function range(text: string, words: string) {
  const start = text.indexOf(words);
  if (start < 0) throw new Error(`${words} is not in the text`);
  return { start, end: start + words.length, exact: words };
}

async function publicHighlight(author: Viewer, essayId: string, revisionId: string, text: string, words: string) {
  return createHighlight(author.id, essayId, { revisionId, ...range(text, words), colour: "yellow", note: null, visibility: "public" });
}

async function comment(author: Viewer, essayId: string, input: Parameters<typeof createComment>[2]) {
  await forgetFlood();
  return createComment(author, essayId, input);
}

let moderator: Viewer;
let editor: Viewer;
let reader: Viewer;
let other: Viewer;

beforeAll(async () => {
  [moderator, editor, reader, other] = await Promise.all([account("moderator", "MODERATOR"), account("editor", "EDITOR"), account("reader"), account("other")]);
  await db.moderationSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: { bannedWords: [], suspectWords: [], autoSlowHeatThreshold: null } });
});

beforeEach(forgetFlood);

afterAll(async () => {
  await db.moderationSettings.update({ where: { id: 1 }, data: { autoSlowHeatThreshold: null } });
  await closeLimitStore();
  await disconnectDb();
});

describe("moderation of one passage", () => {
  it("locks every thread on a highlight overlapping the passage, present and future, and no other", async () => {
    const { essayId, revisionId, text } = await essay("passage-lock");
    const onIt = await publicHighlight(reader, essayId, revisionId, text, "Negotiation is not surrender");
    const elsewhere = await publicHighlight(reader, essayId, revisionId, text, "second paragraph");
    const thread = await comment(reader, essayId, { body: "Is it, though?", highlightId: onIt.id });
    const farThread = await comment(reader, essayId, { body: "About the second.", highlightId: elsewhere.id });

    await controlPassage(moderator, essayId, {
      revisionId,
      ...range(text, "not surrender, the essay"),
      locked: true,
      slowModeSeconds: 0,
      preModerate: false,
      highlightsClosed: false,
      reason: "Heated; cooling off until tomorrow.",
    });

    const locked = { code: "FORBIDDEN", message: "This passage is locked by the moderators: Heated; cooling off until tomorrow." };
    // An existing thread: no reply.
    await expect(comment(other, essayId, { body: "A reply.", parentId: thread.id })).rejects.toMatchObject(locked);
    // A new thread on the same highlight, and one on a newly selected overlapping passage.
    await expect(comment(other, essayId, { body: "Another thread.", highlightId: onIt.id })).rejects.toMatchObject(locked);
    await expect(comment(other, essayId, { body: "On a new passage.", passage: { revisionId, ...range(text, "surrender"), colour: "yellow" } })).rejects.toMatchObject(locked);
    // A highlight that only touches the passage's edge, and one elsewhere, are not on it.
    const touching = await publicHighlight(other, essayId, revisionId, text, "Negotiation is ");
    expect((await comment(other, essayId, { body: "Touching only.", highlightId: touching.id })).state).toBe("published");
    expect((await comment(other, essayId, { body: "A reply far away.", parentId: farThread.id })).state).toBe("published");
    // The essay as a whole is not a passage.
    expect((await comment(other, essayId, { body: "On the essay." })).state).toBe("published");

    const [control] = await listPassageControls(essayId);
    await expect(removePassageControl(editor, control!.id)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await removePassageControl(moderator, control!.id);
    expect((await comment(other, essayId, { body: "Open again.", parentId: thread.id })).state).toBe("published");
    const audit = await db.moderationAction.findMany({ where: { targetId: essayId }, orderBy: { createdAt: "asc" }, select: { action: true, actorHandle: true } });
    expect(audit).toEqual([
      { action: "control-passage", actorHandle: moderator.handle },
      { action: "remove-passage-control", actorHandle: moderator.handle },
    ]);
  });

  it("slows and pre-moderates the passage's threads, saying so", async () => {
    const { essayId, revisionId, text } = await essay("passage-slow");
    const onIt = await publicHighlight(reader, essayId, revisionId, text, "treats every pause");
    const thread = await comment(reader, essayId, { body: "Pauses.", highlightId: onIt.id });
    await controlPassage(moderator, essayId, { revisionId, ...range(text, "every pause as one"), locked: false, slowModeSeconds: 600, preModerate: true, highlightsClosed: false });

    const held = await comment(other, essayId, { body: "First reply.", parentId: thread.id });
    expect(held.state).toBe("held");
    expect((await db.comment.findUniqueOrThrow({ where: { id: held.id } })).holdReasons).toContain("Comments on this passage are reviewed by the moderators before they appear.");
    // The 5-second limit is forgotten, the passage's ten minutes are not.
    await db.$executeRaw`DELETE FROM rate_limits WHERE key NOT LIKE ${"%slow-600s%"}`;
    await expect(createComment(other, essayId, { body: "Second reply.", parentId: thread.id })).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });

  it("closes a passage to new highlights, and only that passage", async () => {
    const { essayId, revisionId, text } = await essay("passage-closed");
    await controlPassage(moderator, essayId, { revisionId, ...range(text, "the essay says"), locked: false, slowModeSeconds: 0, preModerate: false, highlightsClosed: true });
    await expect(createHighlight(reader.id, essayId, { revisionId, ...range(text, "essay says, and"), colour: "yellow", note: null, visibility: "private" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "New highlights are closed on this passage.",
    });
    expect((await createHighlight(reader.id, essayId, { revisionId, ...range(text, "Negotiation"), colour: "yellow", note: null, visibility: "private" })).visibility).toBe("private");
  });

  it("refuses a control from a reader, on words that are not there, and with nothing to do", async () => {
    const { essayId, revisionId, text } = await essay("passage-refused");
    const passage = { revisionId, ...range(text, "surrender"), locked: true, slowModeSeconds: 0, preModerate: false, highlightsClosed: false };
    await expect(controlPassage(reader, essayId, passage)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(controlPassage(editor, essayId, passage)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(controlPassage(moderator, essayId, { ...passage, exact: "surrendex" })).rejects.toMatchObject({ code: "VALIDATION" });
  });
});

describe("editors' public highlights switches", () => {
  it("turns public highlights off for a passage: private ones stay possible, public ones already there stay", async () => {
    const { essayId, revisionId, text } = await essay("public-passage");
    const before = await publicHighlight(reader, essayId, revisionId, text, "Negotiation is not");
    await expect(closePassageToPublicHighlights(reader, essayId, { revisionId, ...range(text, "Negotiation is not surrender") })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const control = await closePassageToPublicHighlights(editor, essayId, { revisionId, ...range(text, "Negotiation is not surrender"), reason: "The quotation is under dispute." });

    await expect(publicHighlight(other, essayId, revisionId, text, "not surrender")).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: "The editors have turned public highlights off for this passage: you can still highlight it privately.",
    });
    // A comment on a newly selected passage would publish it: refused too.
    await expect(comment(other, essayId, { body: "Hm.", passage: { revisionId, ...range(text, "surrender"), colour: "yellow" } })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const kept = await createHighlight(other.id, essayId, { revisionId, ...range(text, "not surrender"), colour: "yellow", note: null, visibility: "private" });
    expect(kept.visibility).toBe("private");
    // Nor can a private one there be made public.
    await expect(updateHighlight(other.id, kept.id, { visibility: "public" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Nor by commenting on it, which would publish it.
    await expect(comment(other, essayId, { body: "My own thought.", highlightId: kept.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await publicHighlight(other, essayId, revisionId, text, "second paragraph")).visibility).toBe("public");
    expect((await db.highlight.findUniqueOrThrow({ where: { id: before.id } })).visibility).toBe("PUBLIC");
    // Its own control is the editor's to remove.
    await removePassageControl(editor, control.id);
    expect((await publicHighlight(editor, essayId, revisionId, text, "not surrender")).visibility).toBe("public");
  });

  it("turns public highlights off for the whole essay, audited", async () => {
    const { essayId, revisionId, text } = await essay("public-essay");
    await expect(setEssayPublicHighlights(reader, essayId, false, null)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await setEssayPublicHighlights(editor, essayId, false, "Author's request.");
    await expect(publicHighlight(other, essayId, revisionId, text, "second")).rejects.toMatchObject({
      message: "The editors have turned public highlights off for this essay: you can still highlight privately.",
    });
    expect((await createHighlight(other.id, essayId, { revisionId, ...range(text, "second"), colour: "yellow", note: null, visibility: "private" })).visibility).toBe("private");
    await setEssayPublicHighlights(moderator, essayId, true, null);
    expect((await publicHighlight(editor, essayId, revisionId, text, "second")).visibility).toBe("public");
    const audit = await db.moderationAction.findMany({ where: { targetId: essayId, action: "essay-public-highlights" }, orderBy: { createdAt: "asc" }, select: { actorHandle: true, after: true } });
    expect(audit).toEqual([
      { actorHandle: editor.handle, after: { publicHighlightsOpen: false } },
      { actorHandle: moderator.handle, after: { publicHighlightsOpen: true } },
    ]);
  });
});

describe("heat and the automatic slow mode", () => {
  it("scores a thread's last hour and slows its passage above the threshold, audited as system", async () => {
    const { essayId, revisionId, text } = await essay("heat");
    const onIt = await publicHighlight(reader, essayId, revisionId, text, "Negotiation is not surrender");
    const overlapping = await publicHighlight(other, essayId, revisionId, text, "surrender, the essay says");
    const thread = await comment(reader, essayId, { body: "Start.", highlightId: onIt.id });
    const second = await comment(other, essayId, { body: "Other start.", highlightId: overlapping.id });
    const readers = await Promise.all([1, 2, 3].map(() => account("crowd")));
    for (const crowd of readers) await comment(crowd, essayId, { body: `Piling on ${crowd.handle}.`, parentId: thread.id });
    await db.report.create({ data: { reporterId: other.id, commentId: thread.id, reason: "HARASSMENT" } });

    const threads = await loadThreadHeat(essayId);
    const hot = threads.find((row) => row.rootId === thread.id)!;
    expect(hot).toMatchObject({ comments: 4, reports: 1, held: 0, hidden: 0, passage: { start: 0, end: 28 } });
    expect(new Set(hot.participantIds).size).toBe(4);
    expect(threadScore(hot)).toBe(4 * 1 + 4 * 2 + 1 * 4);
    // The list is site-wide: other tests of the run write hotter threads in the same hour.
    expect((await loadHeatingUp(10_000)).threads.map((row) => row.rootId)).toContain(thread.id);

    // Below the threshold nothing happens; above it, the passage of both overlapping threads is slowed.
    expect(await applyAutoSlow(essayId, thread.id, 100)).toBeNull();
    await db.moderationSettings.update({ where: { id: 1 }, data: { autoSlowSeconds: 300 } });
    expect(await applyAutoSlow(essayId, thread.id, 10)).toBe("passage");
    expect(await applyAutoSlow(essayId, second.id, 10)).toBeNull();
    const [control] = await listPassageControls(essayId);
    expect(control).toMatchObject({ automatic: true, slowModeSeconds: 300, start: 0, end: range(text, "surrender, the essay says").end });
    const audit = await db.moderationAction.findFirstOrThrow({ where: { targetId: essayId, action: "auto-slow-passage" } });
    expect(audit).toMatchObject({ actorId: "system", actorHandle: "system" });
    await db.moderationSettings.update({ where: { id: 1 }, data: { autoSlowSeconds: 120 } });
  });

  it("after a comment's commit, slows a heated thread on the essay itself, without making the comment wait", async () => {
    const { essayId } = await essay("heat-thread");
    const thread = await comment(reader, essayId, { body: "On the whole essay." });
    await db.moderationSettings.update({ where: { id: 1 }, data: { autoSlowHeatThreshold: 5 } });
    try {
      await comment(other, essayId, { body: "A reply.", parentId: thread.id });
      await vi.waitFor(async () => expect((await db.comment.findUniqueOrThrow({ where: { id: thread.id } })).slowModeSeconds).toBe(120), { timeout: 5000 });
      expect(await db.moderationAction.findFirst({ where: { targetId: String(thread.id), action: "auto-slow-thread" } })).toMatchObject({ actorHandle: "system" });
    } finally {
      await db.moderationSettings.update({ where: { id: 1 }, data: { autoSlowHeatThreshold: null } });
    }
  });
});

describe("re-anchoring on a revision", () => {
  it("moves controls with their words and drops, audited, those whose words are gone", async () => {
    const { essayId, revisionId, text } = await essay("reanchor");
    await controlPassage(moderator, essayId, { revisionId, ...range(text, "second paragraph"), locked: true, slowModeSeconds: 0, preModerate: false, highlightsClosed: false });
    await controlPassage(moderator, essayId, { revisionId, ...range(text, "treats every pause as one"), locked: false, slowModeSeconds: 60, preModerate: false, highlightsClosed: false });
    await reviseEssay(editor, essayId, {
      baseRevision: 1,
      source: {
        kind: "blocks",
        title: "Talks",
        dek: null,
        byline: null,
        attribution: null,
        blocks: [
          { kind: "paragraph", text: "A new opening line." },
          { kind: "paragraph", text: SECOND },
        ],
      },
    });
    const revision = await db.essay.findUniqueOrThrow({ where: { id: essayId }, select: { currentRevision: { select: { id: true, text: true } } } });
    const controls = await listPassageControls(essayId);
    expect(controls).toHaveLength(1);
    expect(controls[0]).toMatchObject({ locked: true, exact: "second paragraph", start: revision.currentRevision!.text.indexOf("second paragraph") });
    expect(await db.passageControl.count({ where: { essayId, revisionId: { not: revision.currentRevision!.id } } })).toBe(0);
    expect(await db.moderationAction.findFirst({ where: { targetId: essayId, action: "drop-passage-control" } })).toMatchObject({ actorHandle: "system" });
  });
});
