import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { viewerFromToken, type Viewer } from "@/lib/auth/viewer";
import { createComment } from "@/lib/comments/create-comment";
import { setVote, toggleVote } from "@/lib/comments/toggle-vote";
import { db, disconnectDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { reportContent } from "@/lib/moderation/report-content";
import { closeLimitStore } from "@/lib/rate-limit/store";
import { createTestEssay } from "../support/essays";

// Concurrent writes against the real database, as a double click, a retrying
// client or a few readers acting at once produce them. A probe over HTTP
// found 15 of 20 concurrent vote toggles and 9 of 10 identical reports
// answered 500 (unique violations), and three simultaneous reports hid the
// comment in only 4 of 8 trials.

const drafts = [{ kind: "paragraph" as const, text: "Ferries that run every ten minutes need no timetable, the essay argues." }];
let essayId: string;
let revisionId: string;
let counter = 0;

async function account(label: string): Promise<Viewer> {
  counter += 1;
  const user = await db.user.create({
    data: {
      emailVerified: new Date(),
      email: `${label}-${counter}-${Date.now()}@example.test`,
      handle: `${label}-${counter}-${Date.now().toString(36)}`,
      name: label,
      createdAt: new Date("2026-01-01"),
    },
  });
  return (await viewerFromToken({ uid: user.id, sv: 0 }))!;
}

async function commentBy(author: Viewer, body: string) {
  await db.$executeRaw`DELETE FROM rate_limits`;
  return createComment(author, essayId, { body: `${body} ${++counter}` });
}

/** What each call did: its value, or the error's HTTP status (500 for anything that is not an AppError). */
async function settle<T>(calls: Promise<T>[]): Promise<({ ok: true; value: T } | { ok: false; status: number; message: string })[]> {
  return (await Promise.allSettled(calls)).map((result) =>
    result.status === "fulfilled"
      ? { ok: true as const, value: result.value }
      : { ok: false as const, status: isAppError(result.reason) ? result.reason.status : 500, message: String((result.reason as Error)?.message) },
  );
}

beforeAll(async () => {
  ({ essayId, revisionId } = await createTestEssay("races", "Ferries", drafts));
  await db.moderationSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: { reportHideThreshold: 3 } });
});

afterAll(async () => {
  await closeLimitStore();
  await disconnectDb();
});

describe("votes under concurrency", () => {
  it("20 simultaneous toggles by one reader all succeed, and the count matches the vote rows", async () => {
    const [author, voter] = [await account("author"), await account("voter")];
    const comment = await commentBy(author, "Vote on me, twenty times at once.");
    const results = await settle(Array.from({ length: 20 }, () => toggleVote(voter.id, comment.id)));
    expect(results.filter((result) => !result.ok)).toEqual([]);
    const rows = await db.vote.count({ where: { commentId: comment.id } });
    const { upvotes } = await db.comment.findUniqueOrThrow({ where: { id: comment.id }, select: { upvotes: true } });
    expect(rows === 0 || rows === 1).toBe(true);
    expect(upvotes).toBe(rows);
    // Each answer is a real step: ons minus offs is where the vote ended up,
    // and the answers' counts are exactly the sequence 1, 0, 1, 0, ...
    const answers = results.flatMap((result) => (result.ok ? [result.value] : []));
    expect(answers.filter((answer) => answer.voted).length - answers.filter((answer) => !answer.voted).length).toBe(rows);
    for (const answer of answers) expect(answer.upvotes).toBe(answer.voted ? 1 : 0);
  });

  it("setting a vote is idempotent: 10 simultaneous 'on' leave one vote, 10 'off' leave none", async () => {
    const [author, voter] = [await account("author"), await account("voter")];
    const comment = await commentBy(author, "Set, not toggled.");
    const on = await settle(Array.from({ length: 10 }, () => setVote(voter.id, comment.id, true)));
    expect(on).toEqual(Array.from({ length: 10 }, () => ({ ok: true, value: { voted: true, upvotes: 1 } })));
    expect(await db.vote.count({ where: { commentId: comment.id } })).toBe(1);
    const off = await settle(Array.from({ length: 10 }, () => setVote(voter.id, comment.id, false)));
    expect(off).toEqual(Array.from({ length: 10 }, () => ({ ok: true, value: { voted: false, upvotes: 0 } })));
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id }, select: { upvotes: true } })).toEqual({ upvotes: 0 });
    // Only real changes reach the live stream: one 'on', one 'off'.
    expect(await db.discussionEvent.count({ where: { commentId: comment.id, kind: "vote" } })).toBe(2);
  });

  it("many readers voting at once are all counted", async () => {
    const author = await account("author");
    const comment = await commentBy(author, "Popular.");
    const voters = await Promise.all(Array.from({ length: 12 }, (_, index) => account(`crowd${index}`)));
    const results = await settle(voters.map((voter) => toggleVote(voter.id, comment.id)));
    expect(results.filter((result) => !result.ok)).toEqual([]);
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id }, select: { upvotes: true } })).toEqual({ upvotes: 12 });
    expect(await db.vote.count({ where: { commentId: comment.id } })).toBe(12);
  });
});

describe("reports under concurrency", () => {
  // A duplicate that arrives at the same moment as the first answers what a
  // duplicate arriving later answers: 409, "already reported". Idempotent
  // success would have to hide a second reason or details silently, and would
  // make the answer depend on timing; one rule for both is what the reader's
  // UI already shows.
  it("10 simultaneous identical reports: one is filed, the other nine are a clear 409", async () => {
    const [author, reporter] = [await account("author"), await account("reporter")];
    const comment = await commentBy(author, "Reported ten times at once.");
    const results = await settle(Array.from({ length: 10 }, () => reportContent(reporter, { target: { type: "comment", id: comment.id }, reason: "SPAM" })));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok).map((result) => !result.ok && result.status)).toEqual(Array.from({ length: 9 }, () => 409));
    for (const result of results) if (!result.ok) expect(result.message).toMatch(/already reported/);
    expect(await db.report.count({ where: { commentId: comment.id } })).toBe(1);
  });

  it("three simultaneous reports from three readers hide the comment, in 8 of 8 trials", async () => {
    let hidden = 0;
    for (let trial = 0; trial < 8; trial += 1) {
      const author = await account("author");
      const comment = await commentBy(author, "Reported by three at once.");
      const reporters = await Promise.all(["r1", "r2", "r3"].map((label) => account(label)));
      const results = await settle(reporters.map((reporter) => reportContent(reporter, { target: { type: "comment", id: comment.id }, reason: "HARASSMENT" })));
      expect(results.filter((result) => !result.ok)).toEqual([]);
      const row = await db.comment.findUniqueOrThrow({ where: { id: comment.id }, select: { status: true, hiddenReason: true } });
      if (row.status === "HIDDEN") hidden += 1;
      // Hidden once: one audit row, one notice, whoever's report crossed the line.
      expect(await db.moderationAction.count({ where: { action: "auto-hide", targetType: "comment", targetId: String(comment.id) } })).toBe(row.status === "HIDDEN" ? 1 : 0);
    }
    expect(hidden).toBe(8);
  });

  it("three simultaneous reports of a public note hide the note, in 8 of 8 trials", async () => {
    let hidden = 0;
    for (let trial = 0; trial < 8; trial += 1) {
      const author = await account("author");
      const note = await db.highlight.create({
        data: {
          essayId,
          authorId: author.id,
          revisionId,
          originalRevisionId: revisionId,
          exact: "Ferries",
          prefix: "",
          suffix: " that",
          start: 0,
          end: 7,
          visibility: "PUBLIC",
          note: "Buy my ferry tickets.",
        },
      });
      const reporters = await Promise.all(["r1", "r2", "r3"].map((label) => account(label)));
      const results = await settle(reporters.map((reporter) => reportContent(reporter, { target: { type: "note", id: note.id }, reason: "SPAM" })));
      expect(results.filter((result) => !result.ok)).toEqual([]);
      if ((await db.highlight.findUniqueOrThrow({ where: { id: note.id } })).noteHiddenAt) hidden += 1;
    }
    expect(hidden).toBe(8);
  });
});
