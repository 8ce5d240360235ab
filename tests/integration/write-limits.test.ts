import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { viewerFromToken, type Viewer } from "@/lib/auth/viewer";
import { createComment } from "@/lib/comments/create-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { setVote, toggleVote } from "@/lib/comments/toggle-vote";
import { db, disconnectDb } from "@/lib/db/client";
import { createHighlight } from "@/lib/highlights/create-highlight";
import { isAppError } from "@/lib/errors";
import { consume, LIMITS, refund } from "@/lib/rate-limit/limits";
import { closeLimitStore } from "@/lib/rate-limit/store";
import { createTestEssay } from "../support/essays";

// A probe made 200 edits in 8.7 s and 200 vote toggles in 2.8 s. Both are
// limited now, and only what is written counts: a refused request (not
// found, not yours, a banned word, one's own comment) spends nothing.

const drafts = [{ kind: "paragraph" as const, text: "A harbour is a promise that the sea will be kept out, the essay begins." }];
let essayId: string;
let counter = 0;
let settingsBefore: { bannedWords: string[] } | null;

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
  // Stands in for the 5 seconds between comments (the flood limit, not the one under test).
  await db.$executeRaw`DELETE FROM rate_limits WHERE key LIKE ${"comment-user-5s%"}`;
  return createComment(author, essayId, { body: `${body} ${++counter}` });
}

/** The error a call was refused with, or null if it succeeded. */
async function refusal(call: Promise<unknown>): Promise<{ status: number; retryAfterSeconds?: number; message: string } | null> {
  try {
    await call;
    return null;
  } catch (error) {
    if (!isAppError(error)) throw error;
    return { status: error.status, retryAfterSeconds: error.retryAfterSeconds, message: error.message };
  }
}

beforeAll(async () => {
  ({ essayId } = await createTestEssay("limits", "Harbours", drafts));
  settingsBefore = await db.moderationSettings.findUnique({ where: { id: 1 }, select: { bannedWords: true } });
  await db.moderationSettings.upsert({ where: { id: 1 }, create: { id: 1, bannedWords: ["scumbag"] }, update: { bannedWords: ["scumbag"] } });
});

afterAll(async () => {
  await db.moderationSettings.update({ where: { id: 1 }, data: { bannedWords: settingsBefore?.bannedWords ?? [] } });
  await closeLimitStore();
  await disconnectDb();
});

describe("the edit limit", () => {
  it(`allows ${LIMITS.editsPerUser.points} edits per window, then answers 429 with Retry-After and writes nothing`, async () => {
    const ana = await account("ana");
    const comment = await commentBy(ana, "Version 0.");
    for (let edit = 1; edit <= LIMITS.editsPerUser.points; edit += 1) await editComment(ana, comment.id, `Version ${edit}.`);
    const refused = await refusal(editComment(ana, comment.id, "One edit too many."));
    expect(refused).toMatchObject({ status: 429, message: expect.stringMatching(/^Too many edits\. Try again in \d+ minutes?\.$/) });
    expect(refused!.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused!.retryAfterSeconds).toBeLessThanOrEqual(LIMITS.editsPerUser.durationSeconds);
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).body).toBe(`Version ${LIMITS.editsPerUser.points}.`);
    expect(await db.commentRevision.count({ where: { commentId: comment.id } })).toBe(LIMITS.editsPerUser.points);
  });

  it("refused edits spend nothing: not found, not yours, hidden, a banned word, unchanged", async () => {
    const [ana, ben] = [await account("ana"), await account("ben")];
    const mine = await commentBy(ana, "Mine.");
    const bens = await commentBy(ben, "Ben's.");
    const hidden = await commentBy(ana, "Hidden by a moderator.");
    await db.comment.update({ where: { id: hidden.id }, data: { status: "HIDDEN", hiddenReason: "Off-topic." } });
    const deleted = await commentBy(ana, "Deleted.");
    await deleteComment(ana.id, deleted.id);
    const attempts = [
      ...Array.from({ length: 3 }, () => ({ call: () => editComment(ana, bens.id, "Hijacked."), status: 404 })),
      ...Array.from({ length: 3 }, () => ({ call: () => editComment(ana, 2_000_000_000, "Nowhere."), status: 404 })),
      { call: () => editComment(ana, deleted.id, "Back from the dead."), status: 404 },
      ...Array.from({ length: 3 }, () => ({ call: () => editComment(ana, hidden.id, "Let me fix that."), status: 403 })),
      ...Array.from({ length: 3 }, () => ({ call: () => editComment(ana, mine.id, "You scumbag."), status: 422 })),
    ];
    expect(attempts.length).toBeGreaterThan(LIMITS.editsPerUser.points);
    for (const attempt of attempts) expect((await refusal(attempt.call()))?.status).toBe(attempt.status);
    // Unchanged text writes nothing and answers the comment as it is.
    for (let again = 0; again < 3; again += 1) await editComment(ana, mine.id, (await db.comment.findUniqueOrThrow({ where: { id: mine.id } })).body);
    for (let edit = 1; edit <= LIMITS.editsPerUser.points; edit += 1) await editComment(ana, mine.id, `Mine, version ${edit}.`);
    expect((await refusal(editComment(ana, mine.id, "Now the limit.")))?.status).toBe(429);
  });
});

describe("the vote limit", () => {
  it(`allows ${LIMITS.votesPerUser.points} votes a minute, then answers 429 with Retry-After and changes nothing`, async () => {
    const [author, voter] = [await account("author"), await account("voter")];
    const comment = await commentBy(author, "Vote for me, then against, then for.");
    for (let vote = 1; vote <= LIMITS.votesPerUser.points; vote += 1) await toggleVote(voter.id, comment.id);
    const refused = await refusal(toggleVote(voter.id, comment.id));
    expect(refused).toMatchObject({ status: 429, message: expect.stringMatching(/^Too many votes\. Try again in \d+ seconds?\.$/) });
    expect(refused!.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused!.retryAfterSeconds).toBeLessThanOrEqual(LIMITS.votesPerUser.durationSeconds);
    // 30 toggles leave no vote; the refused 31st did not cast one.
    expect(await db.vote.count({ where: { commentId: comment.id } })).toBe(0);
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).upvotes).toBe(0);
  });

  it("refused votes and votes that change nothing spend nothing", async () => {
    const [author, voter] = [await account("author"), await account("voter")];
    const own = await commentBy(voter, "The voter's own comment.");
    const gone = await commentBy(author, "Deleted.");
    await deleteComment(author.id, gone.id);
    const target = await commentBy(author, "Votable.");
    for (let attempt = 0; attempt < 12; attempt += 1) {
      expect((await refusal(toggleVote(voter.id, own.id)))?.status).toBe(403);
      expect((await refusal(toggleVote(voter.id, gone.id)))?.status).toBe(404);
      expect((await refusal(toggleVote(voter.id, 2_000_000_000)))?.status).toBe(404);
      expect(await setVote(voter.id, target.id, false)).toEqual({ voted: false, upvotes: 0 });
    }
    for (let vote = 1; vote <= LIMITS.votesPerUser.points; vote += 1) await toggleVote(voter.id, target.id);
    expect((await refusal(toggleVote(voter.id, target.id)))?.status).toBe(429);
  });
});

describe("highlights", () => {
  it("60 a minute per reader, web and annotation API alike; a refused highlight (not in the essay, already made) spends nothing", async () => {
    const reader = await account("highlighter");
    const { revisionId, text } = await createTestEssay("limits-highlights", "Many marks", [{ kind: "paragraph", text: Array.from({ length: 80 }, (_, index) => `word${index}`).join(" ") }]);
    const highlightEssay = (await db.essayRevision.findUniqueOrThrow({ where: { id: revisionId } })).essayId;
    const at = (index: number) => {
      const exact = `word${index}`;
      const start = text.indexOf(`${exact} `);
      return { revisionId, start, end: start + exact.length, exact, colour: "yellow" as const, note: null, visibility: "private" as const };
    };
    for (let index = 0; index < 10; index += 1) {
      expect((await refusal(createHighlight(reader.id, highlightEssay, { ...at(0), exact: "not these words" })))?.status).toBe(422);
    }
    await createHighlight(reader.id, highlightEssay, at(0));
    for (let index = 0; index < 5; index += 1) expect((await refusal(createHighlight(reader.id, highlightEssay, at(0))))?.status).toBe(409);
    for (let index = 1; index < LIMITS.highlightsPerUser.points; index += 1) await createHighlight(reader.id, highlightEssay, at(index));
    const refused = await refusal(createHighlight(reader.id, highlightEssay, at(LIMITS.highlightsPerUser.points)));
    expect(refused).toMatchObject({ status: 429, message: expect.stringContaining("Too many highlights") });
    expect(await db.highlight.count({ where: { authorId: reader.id } })).toBe(LIMITS.highlightsPerUser.points);
  });
});

describe("the limiter's primitives", () => {
  // The order every limited write follows: facts, verdict, then spend;
  // `refund` undoes a spend whose write did not happen.
  const rule = { name: "test-primitives-1m", points: 3, durationSeconds: 60, what: "test actions" };

  it("consume refuses the spend past the limit with its wait; refund gives one action back", async () => {
    const key = `key-${Date.now()}`;
    const checks = [{ rule, key }];
    for (let spend = 0; spend < rule.points; spend += 1) await consume(checks);
    const refusal = await consume(checks).catch((error: unknown) => error);
    expect(refusal).toMatchObject({ status: 429, retryAfterSeconds: expect.any(Number), message: expect.stringContaining("Too many test actions") });
    expect((refusal as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(0);
    expect((refusal as { retryAfterSeconds: number }).retryAfterSeconds).toBeLessThanOrEqual(60);
    // The refused consume above counted too (the store counts every attempt); two refunds free one slot.
    await refund(checks);
    await refund(checks);
    await consume(checks);
    await expect(consume(checks)).rejects.toMatchObject({ status: 429 });
  });
});
