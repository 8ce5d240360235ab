import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { viewerFromToken, type Viewer } from "@/lib/auth/viewer";
import { deleteAccount } from "@/lib/auth/delete-account";
import { createComment } from "@/lib/comments/create-comment";
import { loadComment, loadDiscussion, loadThread } from "@/lib/comments/queries";
import { db, disconnectDb } from "@/lib/db/client";
import { addModeratorNote } from "@/lib/moderation/add-moderator-note";
import { browseAuditLog } from "@/lib/moderation/audit-log";
import { loadEssayModeration } from "@/lib/moderation/load-essay-moderation";
import { loadQueue } from "@/lib/moderation/queue";
import { readUserRecord } from "@/lib/moderation/read-user-record";
import { reportContent } from "@/lib/moderation/report-content";
import { runModerationAction } from "@/lib/moderation/run-action";
import { searchUsers } from "@/lib/moderation/search-users";
import { closeLimitStore } from "@/lib/rate-limit/store";
import { createTestEssay } from "../support/essays";

const drafts = [{ kind: "paragraph" as const, text: "Context is what a moderator lacks in a queue, and what the page itself provides." }];
let essayId: string;
let slug: string;
let revisionId: string;
let counter = 0;
const run = Date.now().toString(36);

async function account(label: string, data: { role?: "READER" | "EDITOR" | "MODERATOR" | "ADMIN"; name?: string; email?: string; createdAt?: Date } = {}): Promise<Viewer> {
  counter += 1;
  const user = await db.user.create({
    data: {
      emailVerified: new Date(),
      email: data.email ?? `${label}-${counter}-${run}@example.test`,
      handle: `${label}-${counter}-${run}`,
      name: data.name ?? label,
      createdAt: data.createdAt ?? new Date("2026-01-01"),
      role: data.role ?? "READER",
    },
  });
  return (await viewerFromToken({ uid: user.id, sv: 0 }))!;
}

async function commentBy(author: Viewer, body: string, extra: Record<string, unknown> = {}) {
  await db.$executeRaw`DELETE FROM rate_limits`;
  return createComment(author, essayId, { body: `${body} ${++counter}`, ...extra });
}

async function noteBy(author: Viewer) {
  return db.highlight.create({
    data: {
      essayId,
      authorId: author.id,
      revisionId,
      originalRevisionId: revisionId,
      exact: "Context",
      prefix: "",
      suffix: " is what",
      start: 0,
      end: 7,
      visibility: "PUBLIC",
      note: "A note to moderate.",
    },
  });
}

/** 401 or 403, or the call went through. */
async function refusal(call: () => Promise<unknown>): Promise<number | "allowed"> {
  try {
    await call();
    return "allowed";
  } catch (error) {
    return (error as { status?: number }).status ?? 500;
  }
}

beforeAll(async () => {
  ({ essayId, revisionId } = await createTestEssay("in-context", "Context", drafts));
  slug = (await db.essay.findUniqueOrThrow({ where: { id: essayId } })).slug;
  await db.moderationSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: { reportHideThreshold: 5, bannedWords: [], suspectWords: [] } });
});

afterAll(async () => {
  await closeLimitStore();
  await disconnectDb();
});

describe("finding a reader", () => {
  it("finds readers by handle (whole or part), display name and the start of their email, for staff only", async () => {
    const moderator = await account("mod", { role: "MODERATOR" });
    const target = await account("quillfeather", { name: "Wilhelmina Oyelaran", email: `w.oyelaran-${run}@post.example` });
    const handles = (users: { handle: string }[]) => users.map((user) => user.handle);
    expect(handles(await searchUsers(moderator, target.handle))[0]).toBe(target.handle);
    expect(handles(await searchUsers(moderator, `@${target.handle}`))[0]).toBe(target.handle);
    expect(handles(await searchUsers(moderator, "quillfeath"))).toContain(target.handle);
    expect(handles(await searchUsers(moderator, "oyelaran"))).toContain(target.handle);
    expect(handles(await searchUsers(moderator, `W.Oyelaran-${run}@po`))).toContain(target.handle);
    const [found] = await searchUsers(moderator, target.handle);
    expect(found).toMatchObject({ name: "Wilhelmina Oyelaran", email: `w.oyelaran-${run}@post.example`, standing: "ACTIVE", comments: 0 });
    // LIKE's wildcards are plain characters here.
    expect(await searchUsers(moderator, "%")).toEqual([]);
    expect(await searchUsers(moderator, "   ")).toEqual([]);

    expect(await refusal(() => searchUsers(null, target.handle))).toBe(401);
    expect(await refusal(async () => searchUsers(await account("reader"), target.handle))).toBe(403);
    expect(await refusal(async () => searchUsers(await account("editor", { role: "EDITOR" }), target.handle))).toBe(403);
    expect(await refusal(async () => searchUsers(await account("admin", { role: "ADMIN" }), target.handle))).toBe("allowed");
  });
});

describe("a reader's record", () => {
  it("shows history, sanctions with issuer and lift, and reports against and by them with outcomes", async () => {
    const [moderator, subject, other] = [await account("mod", { role: "MODERATOR" }), await account("subject"), await account("other")];
    const kept = await commentBy(subject, "A fair point.");
    const rude = await commentBy(subject, "A rude point.");
    const theirs = await commentBy(other, "Someone else's point.");
    await reportContent(other, { target: { type: "comment", id: rude.id }, reason: "HARASSMENT", details: "Rude to me." });
    await reportContent(subject, { target: { type: "comment", id: theirs.id }, reason: "SPAM" });
    await runModerationAction(moderator, { action: "hide", commentIds: [rude.id], reason: "Personal attack" });
    await runModerationAction(moderator, { action: "suspend", userId: subject.id, days: 3, reason: "Repeated personal attacks after a warning" });
    await runModerationAction(moderator, { action: "lift-sanction", userId: subject.id });

    const record = await readUserRecord(moderator, subject.handle.toUpperCase());
    expect(record).toMatchObject({ handle: subject.handle, standing: "ACTIVE", comments: { published: 1, hidden: 1, held: 0 } });
    expect(record.recentComments.map((comment) => [comment.id, comment.status])).toEqual([
      [rude.id, "HIDDEN"],
      [kept.id, "PUBLISHED"],
    ]);
    expect(record.recentComments[0]!.href).toBe(`/essays/${slug}/comments/${rude.id}`);
    expect(record.sanctions).toEqual([
      expect.objectContaining({ kind: "SUSPENSION", reason: "Repeated personal attacks after a warning", issuer: `@${moderator.handle}`, lifter: `@${moderator.handle}` }),
    ]);
    expect(record.sanctions[0]!.liftedAt).not.toBeNull();
    expect(record.reportsAgainst).toMatchObject({ total: 1, upheld: 1, open: 0, recent: [{ reason: "HARASSMENT", status: "ACTIONED", other: `@${other.handle}`, details: "Rude to me." }] });
    expect(record.reportsBy).toMatchObject({ total: 1, open: 1, recent: [{ reason: "SPAM", status: "OPEN", other: `@${other.handle}` }] });
    expect(record.trust).toMatchObject({ level: expect.any(Number), label: expect.any(String) });

    await expect(readUserRecord(moderator, "nobody-has-this-handle")).rejects.toMatchObject({ status: 404 });
    expect(await refusal(async () => readUserRecord(await account("reader"), subject.handle))).toBe(403);
    expect(await refusal(() => readUserRecord(null, subject.handle))).toBe(401);
  });
});

describe("moderator notes", () => {
  it("are added by staff only, listed on the record, audited without their text, and never told to the reader", async () => {
    const [moderator, subject] = [await account("mod", { role: "MODERATOR" }), await account("subject")];
    const text = "Warned by mail on 3 Dec: last chance before a ban. zebra-quartz";
    const { note } = await addModeratorNote(moderator, `@${subject.handle}`, text);
    expect(note).toMatchObject({ author: `@${moderator.handle}`, body: text });
    expect((await readUserRecord(moderator, subject.handle)).notes).toEqual([expect.objectContaining({ id: note.id, author: `@${moderator.handle}`, body: text })]);

    const audit = await db.moderationAction.findFirstOrThrow({ where: { action: "add-note", targetId: subject.id } });
    expect(audit).toMatchObject({ actorId: moderator.id, targetType: "user", reason: null });
    expect(JSON.stringify(audit)).not.toContain("zebra-quartz");
    expect(await db.notification.count({ where: { userId: subject.id } })).toBe(0);
    expect(JSON.stringify(await db.notification.findMany({ where: { message: { contains: "zebra-quartz" } } }))).toBe("[]");

    expect(await refusal(() => addModeratorNote(null, subject.handle, "No."))).toBe(401);
    expect(await refusal(async () => addModeratorNote(await account("reader"), subject.handle, "No."))).toBe(403);
    expect(await refusal(async () => addModeratorNote(await account("editor", { role: "EDITOR" }), subject.handle, "No."))).toBe(403);
    await expect(addModeratorNote(moderator, "nobody-has-this-handle", "Who?")).rejects.toMatchObject({ status: 404 });
    expect(await db.moderatorNote.count({ where: { subjectId: subject.id } })).toBe(1);
  });
});

describe("the audit log", () => {
  it("names actors and targets by @handle and link, and a deleted account as such", async () => {
    const [moderator, admin, author, gone] = [await account("mod", { role: "MODERATOR" }), await account("admin", { role: "ADMIN" }), await account("author"), await account("gone")];
    const comment = await commentBy(author, "Pinned words.");
    const note = await noteBy(author);
    await runModerationAction(moderator, { action: "pin", commentIds: [comment.id] });
    await runModerationAction(moderator, { action: "hide-note", highlightIds: [note.id], reason: "Spam or advertising" });
    await runModerationAction(moderator, { action: "suspend", userId: author.id, days: 1, reason: "Spam" });
    await runModerationAction(moderator, { action: "essay-settings", essayId, slowModeSeconds: 0 });
    await runModerationAction(moderator, { action: "suspend", userId: gone.id, days: 1, reason: "Spam" });
    await deleteAccount(gone.id, "keep", undefined);

    const { entries } = await browseAuditLog(admin, { actor: moderator.handle });
    const find = (action: string, targetId: string) => entries.find((entry) => entry.action === action && entry.targetId === targetId)!;
    const actor = { label: `@${moderator.handle}`, href: `/moderation/users/${moderator.handle}` };
    expect(find("pin", String(comment.id))).toMatchObject({ actorLink: actor, targetLink: { href: `/essays/${slug}/comments/${comment.id}` } });
    expect(find("hide-note", note.id)).toMatchObject({ actorLink: actor, targetLink: { href: `/essays/${slug}#hl-${note.id}` } });
    expect(find("suspend", author.id).targetLink).toEqual({ label: `@${author.handle}`, href: `/moderation/users/${author.handle}` });
    expect(find("essay-settings", essayId).targetLink).toEqual({ label: "Context", href: `/essays/${slug}` });
    expect(find("suspend", gone.id).targetLink).toEqual({ label: "[deleted account]", href: null });
    // The queue's "Recently actioned" tab names them the same way.
    const recent = (await loadQueue(moderator, "actioned")).actions.find((entry) => entry.action === "suspend" && entry.targetId === author.id);
    expect(recent).toMatchObject({ actorLink: actor, targetLink: { label: `@${author.handle}` } });
    // No entry shows an internal id where a name or link exists.
    for (const entry of entries) if (entry.targetType !== "comment") expect(entry.targetLink.label).not.toContain(entry.targetId);
  });
});

describe("the essay page for moderators and for everyone else", () => {
  it("report counts reach moderators only, beside the discussion; no discussion payload carries them", async () => {
    const [moderator, author, reporter, reader] = [await account("mod", { role: "MODERATOR" }), await account("author"), await account("reporter"), await account("reader")];
    const comment = await commentBy(author, "Reported words.");
    const note = await noteBy(author);
    await reportContent(reporter, { target: { type: "comment", id: comment.id }, reason: "SPAM" });
    await reportContent(reporter, { target: { type: "note", id: note.id }, reason: "OFF_TOPIC" });

    const extras = await loadEssayModeration(moderator, essayId);
    expect(extras.openReports.comments[String(comment.id)]).toBe(1);
    expect(extras.openReports.notes[note.id]).toBe(1);
    expect(extras.hideReasons.length).toBeGreaterThan(0);
    for (const viewer of [null, reader, author, reporter]) expect(await refusal(() => loadEssayModeration(viewer, essayId))).not.toBe("allowed");

    // hiddenByReports is a reader's fact (why a tombstone is there), not a count of anything.
    const reportKeys = (value: object) => Object.keys(value).filter((key) => /report/i.test(key) && key !== "hiddenByReports");
    for (const viewerId of [null, reader.id, author.id, reporter.id, moderator.id]) {
      const views = [
        ...(await loadDiscussion(essayId, viewerId, { sort: "new", highlightId: null })).comments,
        ...(await loadThread(comment.id, viewerId)),
        (await loadComment(comment.id, viewerId))!,
      ];
      expect(views.length).toBeGreaterThan(2);
      for (const view of views) expect(reportKeys(view)).toEqual([]);
    }
  });

  it("held comments reach their author and the moderators, who approve them in place; no other reader", async () => {
    const [moderator, admin, newcomer, reader] = [
      await account("mod", { role: "MODERATOR" }),
      await account("admin", { role: "ADMIN" }),
      await account("newcomer", { createdAt: new Date() }),
      await account("reader"),
    ];
    const held = await commentBy(newcomer, "See https://example.com/pencils for more.");
    expect(held.state).toBe("held");
    const ids = async (viewerId: string | null) => (await loadDiscussion(essayId, viewerId, { sort: "new", highlightId: null })).comments.map((comment) => comment.id);
    expect(await ids(null)).not.toContain(held.id);
    expect(await ids(reader.id)).not.toContain(held.id);
    expect(await ids(newcomer.id)).toContain(held.id);
    expect(await ids(moderator.id)).toContain(held.id);
    expect(await ids(admin.id)).toContain(held.id);
    expect((await loadComment(held.id, moderator.id))!.state).toBe("held");
    expect(await loadComment(held.id, reader.id)).toBeNull();

    await runModerationAction(moderator, { action: "approve", commentIds: [held.id] });
    expect((await loadComment(held.id, reader.id))!.state).toBe("published");
  });
});
