import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { viewerFromToken, type Viewer } from "@/lib/auth/viewer";
import { createComment } from "@/lib/comments/create-comment";
import { db, disconnectDb } from "@/lib/db/client";
import { isAppError } from "@/lib/errors";
import { updateHighlight } from "@/lib/highlights/update-highlight";
import { listMyReports } from "@/lib/moderation/my-reports";
import { moderateNotes } from "@/lib/moderation/note-actions";
import { loadQueue, queueCounts } from "@/lib/moderation/queue";
import { reportContent } from "@/lib/moderation/report-content";
import { closeLimitStore } from "@/lib/rate-limit/store";
import { createTestEssay } from "../support/essays";

// Private means private, to moderators too. A probe, as a moderator, hid
// someone's PRIVATE note by id: 200, the audit row's `before` held the note's
// text (shown on the admin audit page) and the owner got a notice. Moderation
// acts on public content only: a private highlight is NOT_FOUND, and nothing
// is written about it anywhere.

const drafts = [{ kind: "paragraph" as const, text: "Every timetable is a small lie about the weather, the essay admits." }];
const SECRET = "My private thought: the author is my sister.";
let essayId: string;
let revisionId: string;
let counter = 0;

async function account(label: string, role: "READER" | "MODERATOR" | "ADMIN" = "READER"): Promise<Viewer> {
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

async function highlightBy(author: Viewer, visibility: "PUBLIC" | "PRIVATE", note: string = SECRET) {
  return db.highlight.create({
    data: { essayId, authorId: author.id, revisionId, originalRevisionId: revisionId, exact: "Every timetable", prefix: "", suffix: " is a", start: 0, end: 15, visibility, note },
  });
}

/** Everything written about a highlight that its owner or an admin could read. */
async function tracesOf(highlightId: string, ownerId: string) {
  return {
    audit: await db.moderationAction.count({ where: { targetId: highlightId } }),
    notices: await db.notification.count({ where: { userId: ownerId } }),
    auditMentions: await db.moderationAction.count({ where: { OR: [{ before: { string_contains: SECRET } }, { reason: { contains: SECRET } }] } }),
  };
}

async function status(call: Promise<unknown>): Promise<number> {
  try {
    await call;
    return 200;
  } catch (error) {
    if (isAppError(error)) return error.status;
    throw error;
  }
}

beforeAll(async () => {
  ({ essayId, revisionId } = await createTestEssay("private-moderation", "Timetables", drafts));
  await db.moderationSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: { reportHideThreshold: 3 } });
});

afterAll(async () => {
  await closeLimitStore();
  await disconnectDb();
});

describe("moderation never acts on a private note", () => {
  it.each(["hide-note", "restore-note", "dismiss-note-reports"] as const)("%s on a private highlight: 404, no audit row, no notice, nothing changed", async (action) => {
    const [owner, moderator] = [await account("owner"), await account("mod", "MODERATOR")];
    const note = await highlightBy(owner, "PRIVATE");
    const before = await db.highlight.findUniqueOrThrow({ where: { id: note.id } });
    expect(await status(moderateNotes(moderator, action, [note.id], "A reason the author would read."))).toBe(404);
    expect(await tracesOf(note.id, owner.id)).toEqual({ audit: 0, notices: 0, auditMentions: 0 });
    expect(await db.highlight.findUniqueOrThrow({ where: { id: note.id } })).toEqual(before);
  });

  it("nor an admin, nor in a bulk action with a public note (all or nothing)", async () => {
    const [owner, other, admin] = [await account("owner"), await account("other"), await account("admin", "ADMIN")];
    const secret = await highlightBy(owner, "PRIVATE");
    const shared = await highlightBy(other, "PUBLIC", "A public note.");
    expect(await status(moderateNotes(admin, "hide-note", [shared.id, secret.id], "Spam."))).toBe(404);
    expect(await tracesOf(secret.id, owner.id)).toEqual({ audit: 0, notices: 0, auditMentions: 0 });
    expect(await db.moderationAction.count({ where: { targetId: shared.id } })).toBe(0);
    expect((await db.highlight.findUniqueOrThrow({ where: { id: shared.id } })).noteHiddenAt).toBeNull();
    // The public one alone is moderated as before.
    expect(await status(moderateNotes(admin, "hide-note", [shared.id], "Spam."))).toBe(200);
    expect((await db.highlight.findUniqueOrThrow({ where: { id: shared.id } })).noteHiddenAt).not.toBeNull();
  });

  it("a public note its author then makes private leaves moderation: no actions, no queue card or count, no text in the reporter's list", async () => {
    const [owner, reporter, moderator] = [await account("owner"), await account("reporter"), await account("mod", "MODERATOR")];
    const note = await highlightBy(owner, "PUBLIC");
    await reportContent(reporter, { target: { type: "note", id: note.id }, reason: "HARASSMENT" });
    const reportedBefore = (await queueCounts(moderator)).reported;
    expect((await loadQueue(moderator, "reported")).cards.some((card) => card.highlightId === note.id)).toBe(true);

    await updateHighlight(owner.id, note.id, { visibility: "private" });
    expect((await queueCounts(moderator)).reported).toBe(reportedBefore - 1);
    expect(JSON.stringify(await loadQueue(moderator, "reported"))).not.toContain(SECRET);
    for (const action of ["hide-note", "restore-note", "dismiss-note-reports"] as const) expect(await status(moderateNotes(moderator, action, [note.id], "Too late."))).toBe(404);
    expect(await tracesOf(note.id, owner.id)).toEqual({ audit: 0, notices: 0, auditMentions: 0 });
    // The reporter still sees their report and its status, but not the words it now keeps private.
    const [mine] = await listMyReports(reporter.id);
    expect(mine).toMatchObject({ what: "note", status: "OPEN", href: null });
    expect(JSON.stringify(mine)).not.toContain("sister");
  });

  it("a hidden public note made private leaves the hidden tab and its count", async () => {
    const [owner, moderator] = [await account("owner"), await account("mod", "MODERATOR")];
    const note = await highlightBy(owner, "PUBLIC");
    await moderateNotes(moderator, "hide-note", [note.id], "Spam link.");
    const hiddenBefore = (await queueCounts(moderator)).hidden;
    await updateHighlight(owner.id, note.id, { visibility: "private" });
    expect((await queueCounts(moderator)).hidden).toBe(hiddenBefore - 1);
    expect((await loadQueue(moderator, "hidden")).cards.some((card) => card.highlightId === note.id)).toBe(false);
  });

  it("a reported comment on a highlight that is private shows moderators no passage from it", async () => {
    const [owner, reporter, moderator] = [await account("owner"), await account("reporter"), await account("mod", "MODERATOR")];
    const highlight = await highlightBy(owner, "PUBLIC");
    await db.$executeRaw`DELETE FROM rate_limits WHERE key LIKE ${"comment-user-5s%"}`;
    const comment = await createComment(owner, essayId, { body: `On my own passage ${++counter}.`, highlightId: highlight.id });
    // A discussed highlight now stays public, but rows written before that
    // rule (a comment on one's own private highlight) exist: written directly.
    await db.highlight.update({ where: { id: highlight.id }, data: { visibility: "PRIVATE" } });
    await reportContent(reporter, { target: { type: "comment", id: comment.id }, reason: "SPAM" });
    const card = (await loadQueue(moderator, "reported")).cards.find((candidate) => candidate.commentId === comment.id)!;
    expect(card).toMatchObject({ kind: "comment", passage: null });
  });
});
