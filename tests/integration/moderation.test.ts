import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assertCanWrite, viewerFromToken, type Viewer } from "@/lib/auth/viewer";
import { publicProfile } from "@/lib/auth/account-queries";
import { createComment } from "@/lib/comments/create-comment";
import { loadComment, loadDiscussion, loadThread } from "@/lib/comments/queries";
import { db, disconnectDb } from "@/lib/db/client";
import { listHighlightsForEssay } from "@/lib/highlights/list-highlights";
import { isAppError } from "@/lib/errors";
import { browseAuditLog } from "@/lib/moderation/audit-log";
import { listMyReports } from "@/lib/moderation/my-reports";
import { MODERATION_PERMISSIONS, type ModerationActionInput, type ModerationActionName } from "@/lib/moderation/actions";
import { loadQueue } from "@/lib/moderation/queue";
import { reportContent, withdrawReport } from "@/lib/moderation/report-content";
import { runModerationAction } from "@/lib/moderation/run-action";
import { closeLimitStore } from "@/lib/rate-limit/store";
import { createTestEssay } from "../support/essays";

const drafts = [{ kind: "paragraph" as const, text: "Negotiation is not surrender, the essay says, and then treats every pause as one." }];
let essayId: string;
let revisionId: string;
let counter = 0;

async function account(label: string, data: { role?: "READER" | "EDITOR" | "MODERATOR" | "ADMIN"; standing?: "ACTIVE" | "SUSPENDED"; suspendedUntil?: Date; createdAt?: Date } = {}): Promise<Viewer> {
  counter += 1;
  const user = await db.user.create({
    data: {
      emailVerified: new Date(),
      email: `${label}-${counter}-${Date.now()}@example.test`,
      handle: `${label}-${counter}-${Date.now().toString(36)}`,
      name: label,
      createdAt: data.createdAt ?? new Date("2026-01-01"),
      ...data,
    },
  });
  return (await viewerFromToken({ uid: user.id, sv: 0 }))!;
}

async function forgetFlood() {
  await db.$executeRaw`DELETE FROM rate_limits`;
}

async function commentBy(author: Viewer, body: string, extra: Record<string, unknown> = {}) {
  await forgetFlood();
  return createComment(author, essayId, { body: `${body} ${++counter}`, ...extra });
}

async function noteBy(author: Viewer) {
  return db.highlight.create({
    data: {
      essayId,
      authorId: author.id,
      revisionId,
      originalRevisionId: revisionId,
      exact: "Negotiation",
      prefix: "",
      suffix: " is not",
      start: 0,
      end: 11,
      visibility: "PUBLIC",
      note: "Loaded word.",
    },
  });
}

/** Whether a call was refused by authorisation (401/403), as opposed to allowed (and then perhaps failing for another reason). */
async function outcome(call: () => Promise<unknown>): Promise<"allow" | "deny"> {
  try {
    await call();
    return "allow";
  } catch (error) {
    if (isAppError(error) && (error.status === 401 || error.status === 403)) return "deny";
    if (isAppError(error)) return "allow";
    throw error;
  }
}

beforeAll(async () => {
  ({ essayId, revisionId } = await createTestEssay("moderation", "Talks", drafts));
  await db.moderationSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: { reportHideThreshold: 3, bannedWords: [], suspectWords: [] } });
});

afterAll(async () => {
  await closeLimitStore();
  await disconnectDb();
});

describe("the authorisation matrix", () => {
  type ActorKind = "signed out" | "reader" | "author" | "suspended reader" | "editor" | "moderator" | "admin";
  const ACTORS: ActorKind[] = ["signed out", "reader", "author", "suspended reader", "editor", "moderator", "admin"];

  /** Fresh targets for one cell, so no cell depends on another's changes. */
  async function fixtures() {
    const author = await account("author");
    const comment = await commentBy(author, "A comment to moderate.");
    const note = await noteBy(author);
    const victim = await account("victim");
    const appellant = await account("appellant", { standing: "SUSPENDED", suspendedUntil: new Date(Date.now() + 86_400_000) });
    const sanction = await db.sanction.create({ data: { userId: appellant.id, kind: "SUSPENSION", reason: "Matrix", endsAt: appellant.suspendedUntil } });
    const appeal = await db.appeal.create({ data: { sanctionId: sanction.id, userId: appellant.id, message: "Please reconsider." } });
    return { author, comment, note, victim, appeal };
  }

  async function actorFor(kind: ActorKind, author: Viewer): Promise<Viewer | null> {
    switch (kind) {
      case "signed out":
        return null;
      case "author":
        return author;
      case "suspended reader":
        return account("suspended", { standing: "SUSPENDED", suspendedUntil: new Date(Date.now() + 86_400_000) });
      case "editor":
        return account("editor", { role: "EDITOR" });
      case "moderator":
        return account("mod", { role: "MODERATOR" });
      case "admin":
        return account("admin", { role: "ADMIN" });
      default:
        return account("reader");
    }
  }

  function inputFor(action: ModerationActionName, targets: Awaited<ReturnType<typeof fixtures>>): ModerationActionInput {
    const reason = "A reason the author can read.";
    const commentIds = [targets.comment.id];
    const highlightIds = [targets.note.id];
    const inputs: { [A in ModerationActionName]: Extract<ModerationActionInput, { action: A }> } = {
      approve: { action: "approve", commentIds },
      hide: { action: "hide", commentIds, reason },
      restore: { action: "restore", commentIds },
      purge: { action: "purge", commentIds, reason },
      "lock-thread": { action: "lock-thread", commentIds },
      "unlock-thread": { action: "unlock-thread", commentIds },
      "slow-thread": { action: "slow-thread", commentIds, seconds: 30 },
      pin: { action: "pin", commentIds },
      unpin: { action: "unpin", commentIds },
      "hide-note": { action: "hide-note", highlightIds, reason },
      "restore-note": { action: "restore-note", highlightIds },
      "dismiss-note-reports": { action: "dismiss-note-reports", highlightIds },
      suspend: { action: "suspend", userId: targets.victim.id, days: 1, reason },
      ban: { action: "ban", userId: targets.victim.id, reason },
      "lift-sanction": { action: "lift-sanction", userId: targets.victim.id },
      "grant-appeal": { action: "grant-appeal", appealId: targets.appeal.id },
      "deny-appeal": { action: "deny-appeal", appealId: targets.appeal.id, reason },
      "essay-settings": { action: "essay-settings", essayId, slowModeSeconds: 0 },
      "site-settings": { action: "site-settings", reportHideThreshold: 3 },
      "grant-moderator": { action: "grant-moderator", handle: targets.victim.handle },
      "revoke-moderator": { action: "revoke-moderator", handle: targets.victim.handle },
      "grant-editor": { action: "grant-editor", handle: targets.victim.handle },
      "revoke-editor": { action: "revoke-editor", handle: targets.victim.handle },
    };
    return inputs[action];
  }

  function expected(action: ModerationActionName, actor: ActorKind): "allow" | "deny" {
    const needs = MODERATION_PERMISSIONS[action];
    if (actor === "admin") return "allow";
    if (actor === "moderator") return needs === "MODERATOR" ? "allow" : "deny";
    return "deny";
  }

  const cells = (Object.keys(MODERATION_PERMISSIONS) as ModerationActionName[]).flatMap((action) => ACTORS.map((actor) => ({ action, actor, expect: expected(action, actor) })));

  it.each(cells)("$action by $actor: $expect", async ({ action, actor, expect: want }) => {
    const targets = await fixtures();
    const before = await db.comment.findUniqueOrThrow({ where: { id: targets.comment.id } });
    const got = await outcome(async () => runModerationAction(await actorFor(actor, targets.author), inputFor(action, targets)));
    expect(got).toBe(want);
    if (got === "deny") {
      // A refused action leaves what it aimed at exactly as it was.
      expect(await db.comment.findUnique({ where: { id: targets.comment.id } })).toEqual(before);
      expect((await db.user.findUniqueOrThrow({ where: { id: targets.victim.id } })).standing).toBe("ACTIVE");
      expect((await db.appeal.findUniqueOrThrow({ where: { id: targets.appeal.id } })).status).toBe("OPEN");
    }
  });

  it.each(ACTORS.map((actor) => ({ actor, expect: actor === "reader" || actor === "editor" || actor === "moderator" || actor === "admin" ? "allow" : "deny" })))(
    "report by $actor: $expect",
    async ({ actor, expect: want }) => {
      const targets = await fixtures();
      expect(await outcome(async () => reportContent(await actorFor(actor, targets.author), { target: { type: "comment", id: targets.comment.id }, reason: "SPAM" }))).toBe(want);
    },
  );

  it("every action in the permissions table has a matrix row (the table is the source)", () => {
    expect(new Set(cells.map((cell) => cell.action)).size).toBe(Object.keys(MODERATION_PERMISSIONS).length);
  });
});

describe("reports", () => {
  it("one report per reader per item; withdrawn reports can be made again; readers see their status", async () => {
    const [author, reader] = [await account("author"), await account("reader")];
    const comment = await commentBy(author, "Reported once.");
    const first = await reportContent(reader, { target: { type: "comment", id: comment.id }, reason: "OFF_TOPIC" });
    await expect(reportContent(reader, { target: { type: "comment", id: comment.id }, reason: "SPAM" })).rejects.toMatchObject({ status: 409 });
    await withdrawReport(reader, first.id);
    expect((await listMyReports(reader.id))[0]).toMatchObject({ status: "WITHDRAWN", what: "comment" });
    await reportContent(reader, { target: { type: "comment", id: comment.id }, reason: "SPAM" });
    expect((await listMyReports(reader.id))[0]).toMatchObject({ status: "OPEN", reason: "SPAM" });
    await expect(withdrawReport(await account("other"), first.id)).rejects.toMatchObject({ status: 404 });
  });

  it("three distinct reports hide an item until review, recorded as Glossa's own action", async () => {
    const author = await account("author");
    const comment = await commentBy(author, "Provocative.");
    for (const label of ["r1", "r2"]) await reportContent(await account(label), { target: { type: "comment", id: comment.id }, reason: "HARASSMENT" });
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).status).toBe("PUBLISHED");
    await reportContent(await account("r3"), { target: { type: "comment", id: comment.id }, reason: "HARASSMENT" });
    const hidden = await db.comment.findUniqueOrThrow({ where: { id: comment.id } });
    // No moderator has looked yet, and readers are told so (not "Hidden by the moderators").
    expect(hidden).toMatchObject({ status: "HIDDEN", hiddenReason: "Hidden after several reports, awaiting a moderator.", hiddenByReports: true });
    const audit = await db.moderationAction.findFirstOrThrow({ where: { targetType: "comment", targetId: String(comment.id) } });
    expect(audit).toMatchObject({ actorHandle: "system", action: "auto-hide" });
    expect(await db.notification.findFirst({ where: { userId: author.id, kind: "MODERATION" } })).not.toBeNull();
  });

  it("a reader cannot report their own content, or content they cannot see", async () => {
    const [author, other] = [await account("author"), await account("other")];
    const comment = await commentBy(author, "Mine.");
    await expect(reportContent(author, { target: { type: "comment", id: comment.id }, reason: "SPAM" })).rejects.toMatchObject({ status: 403 });
    await db.essay.update({ where: { id: essayId }, data: { preModeration: "ALL" } });
    const held = await commentBy(author, "Held for review.");
    await db.essay.update({ where: { id: essayId }, data: { preModeration: "OFF" } });
    await expect(reportContent(other, { target: { type: "comment", id: held.id }, reason: "SPAM" })).rejects.toMatchObject({ status: 404 });
  });
});

describe("review actions", () => {
  it("hide: tombstone with the reason for readers, the author told why, reporters told it was actioned, audit before and after", async () => {
    const [author, reporter, reader, moderator] = [await account("author"), await account("reporter"), await account("reader"), await account("mod", { role: "MODERATOR" })];
    const comment = await commentBy(author, "Something cruel.");
    await reportContent(reporter, { target: { type: "comment", id: comment.id }, reason: "HARASSMENT", details: "Attacks another reader." });
    const queue = await loadQueue(moderator, "reported");
    const card = queue.cards.find((candidate) => candidate.commentId === comment.id)!;
    expect(card.reports).toMatchObject({ open: 1, byReason: [{ reason: "HARASSMENT", count: 1 }] });
    expect(card.author).toMatchObject({ handle: author.handle });

    await runModerationAction(moderator, { action: "hide", commentIds: [comment.id], reason: "Personal attack." });
    const seen = await loadComment(comment.id, reader.id);
    expect(seen).toMatchObject({ state: "hidden", html: null, source: null, hiddenReason: "Personal attack." });
    expect((await db.notification.findFirstOrThrow({ where: { userId: author.id, kind: "MODERATION" }, orderBy: { id: "desc" } })).message).toContain("Personal attack.");
    expect((await listMyReports(reporter.id))[0]!.status).toBe("ACTIONED");
    expect((await db.notification.findFirstOrThrow({ where: { userId: reporter.id, kind: "REPORT_OUTCOME" } })).message).toContain("acted on it");
    const admin = await account("admin", { role: "ADMIN" });
    const { entries } = await browseAuditLog(admin, { action: "hide", targetId: String(comment.id) });
    expect(entries[0]).toMatchObject({ actor: moderator.handle, reason: "Personal attack.", before: { status: "PUBLISHED" }, after: { status: "HIDDEN" } });
  });

  it("hidden and held content never reaches other readers by any read path", async () => {
    const [author, reader, moderator] = [await account("author"), await account("reader"), await account("mod", { role: "MODERATOR" })];
    const root = await commentBy(author, "Root that stays.");
    const secret = await commentBy(author, "The hidden words xyzzy.", { parentId: root.id });
    await runModerationAction(moderator, { action: "hide", commentIds: [secret.id], reason: "Off-topic." });
    const paths = [
      JSON.stringify(await loadThread(root.id, reader.id)),
      JSON.stringify(await loadThread(root.id, null)),
      JSON.stringify(await loadDiscussion(essayId, null, { sort: "new", highlightId: null })),
      JSON.stringify(await loadComment(secret.id, null)),
      JSON.stringify(await publicProfile(author.handle)),
    ];
    for (const path of paths) expect(path).not.toContain("xyzzy");
    const note = await noteBy(author);
    await runModerationAction(moderator, { action: "hide-note", highlightIds: [note.id], reason: "Spam link." });
    const others = await listHighlightsForEssay(essayId, reader.id);
    expect(others.find((highlight) => highlight.id === note.id)?.note).toBeNull();
    const own = await listHighlightsForEssay(essayId, author.id);
    expect(own.find((highlight) => highlight.id === note.id)?.note).toBe("Loaded word.");
  });

  it("approve dismisses reports; restore brings a hidden comment back; lock refuses replies; pin marks it", async () => {
    const [author, reporter, moderator] = [await account("author"), await account("reporter"), await account("mod", { role: "MODERATOR" })];
    const comment = await commentBy(author, "Fine, actually.");
    await reportContent(reporter, { target: { type: "comment", id: comment.id }, reason: "SPAM" });
    await runModerationAction(moderator, { action: "approve", commentIds: [comment.id] });
    expect((await listMyReports(reporter.id))[0]!.status).toBe("DISMISSED");
    await runModerationAction(moderator, { action: "hide", commentIds: [comment.id], reason: "Mistake." });
    await runModerationAction(moderator, { action: "restore", commentIds: [comment.id] });
    expect((await loadComment(comment.id, null))!.state).toBe("published");
    await runModerationAction(moderator, { action: "lock-thread", commentIds: [comment.id] });
    await forgetFlood();
    await expect(createComment(reporter, essayId, { body: "A reply to a locked thread.", parentId: comment.id })).rejects.toMatchObject({
      status: 403,
      message: "This thread is locked: no new replies.",
    });
    await runModerationAction(moderator, { action: "pin", commentIds: [comment.id] });
    expect((await loadComment(comment.id, null))!).toMatchObject({ pinned: true, locked: true });
  });

  it("bulk actions apply to every chosen comment, or to none", async () => {
    const [author, moderator] = [await account("author"), await account("mod", { role: "MODERATOR" })];
    const a = await commentBy(author, "Bulk one.");
    const b = await commentBy(author, "Bulk two.");
    await runModerationAction(moderator, { action: "hide", commentIds: [a.id, b.id], reason: "Spam run." });
    expect((await db.comment.findMany({ where: { id: { in: [a.id, b.id] } } })).map((row) => row.status)).toEqual(["HIDDEN", "HIDDEN"]);
    await expect(runModerationAction(moderator, { action: "restore", commentIds: [a.id, 999_999_999] })).rejects.toMatchObject({ status: 404 });
    expect((await db.comment.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("HIDDEN");
  });

  it("delete permanently keeps a tombstone where there are replies and erases the history", async () => {
    const [author, replier, admin] = [await account("author"), await account("replier"), await account("admin", { role: "ADMIN" })];
    const parent = await commentBy(author, "Doxxing text.");
    const reply = await commentBy(replier, "A reply.", { parentId: parent.id });
    const lonely = await commentBy(author, "No replies here.");
    await runModerationAction(admin, { action: "purge", commentIds: [parent.id, lonely.id], reason: "Personal data." });
    expect(await db.comment.findUnique({ where: { id: lonely.id } })).toBeNull();
    expect(await db.comment.findUniqueOrThrow({ where: { id: parent.id } })).toMatchObject({ body: "", bodyHtml: "", status: "HIDDEN" });
    expect((await loadThread(parent.id, null)).map((comment) => comment.id)).toEqual([parent.id, reply.id]);
  });

  it("the moderator sees a comment's edit history in the queue", async () => {
    const [author, moderator] = [await account("author"), await account("mod", { role: "MODERATOR" })];
    await db.essay.update({ where: { id: essayId }, data: { preModeration: "ALL" } });
    const held = await commentBy(author, "First version.");
    await db.essay.update({ where: { id: essayId }, data: { preModeration: "OFF" } });
    const { editComment } = await import("@/lib/comments/edit-comment");
    await editComment(author, held.id, "Second version.");
    const card = (await loadQueue(moderator, "held")).cards.find((candidate) => candidate.commentId === held.id)!;
    expect(card.history[0]!.body).toMatch(/^First version\./);
    expect(card.html).toContain("Second version.");
  });
});

describe("sanctions and settings", () => {
  it("suspension stops writing with the end date; a ban ends the session; lifting restores", async () => {
    const [target, moderator] = [await account("target"), await account("mod", { role: "MODERATOR" })];
    await runModerationAction(moderator, { action: "suspend", userId: target.id, days: 7, reason: "Cooling off." });
    const suspended = await viewerFromToken({ uid: target.id, sv: 0 });
    expect(() => assertCanWrite(suspended)).toThrow(/suspended until/);
    await runModerationAction(moderator, { action: "lift-sanction", userId: target.id });
    const lifted = await viewerFromToken({ uid: target.id, sv: 0 });
    expect(() => assertCanWrite(lifted)).not.toThrow();
    await runModerationAction(moderator, { action: "ban", userId: target.id, reason: "Threats." });
    expect(await viewerFromToken({ uid: target.id, sv: 0 })).toBeNull();
    expect(await viewerFromToken({ uid: target.id, sv: 1 })).toBeNull();
    const sanctions = await db.sanction.findMany({ where: { userId: target.id }, orderBy: { createdAt: "asc" } });
    expect(sanctions.map((sanction) => [sanction.kind, sanction.liftedAt !== null])).toEqual([
      ["SUSPENSION", true],
      ["BAN", false],
    ]);
  });

  it("moderators cannot sanction moderators or admins; admins grant and revoke the role", async () => {
    const [moderator, other, admin, reader] = [
      await account("mod", { role: "MODERATOR" }),
      await account("mod2", { role: "MODERATOR" }),
      await account("admin", { role: "ADMIN" }),
      await account("reader"),
    ];
    await expect(runModerationAction(moderator, { action: "ban", userId: other.id, reason: "Rival." })).rejects.toMatchObject({ status: 403 });
    await expect(runModerationAction(moderator, { action: "ban", userId: moderator.id, reason: "Myself." })).rejects.toMatchObject({ status: 403 });
    await runModerationAction(admin, { action: "grant-moderator", handle: reader.handle });
    expect((await db.user.findUniqueOrThrow({ where: { id: reader.id } })).role).toBe("MODERATOR");
    await runModerationAction(admin, { action: "revoke-moderator", handle: reader.handle });
    expect((await db.user.findUniqueOrThrow({ where: { id: reader.id } })).role).toBe("READER");
  });

  it("pre-moderation for new accounts holds their first comments until approved; site word lists apply", async () => {
    const [moderator, admin, newcomer, regular] = [await account("mod", { role: "MODERATOR" }), await account("admin", { role: "ADMIN" }), await account("newcomer"), await account("regular")];
    await runModerationAction(moderator, { action: "essay-settings", essayId, preModeration: "NEW_ACCOUNTS", preModerationThreshold: 1 });
    const held = await commentBy(newcomer, "My first comment here.");
    expect(held.state).toBe("held");
    expect(await loadComment(held.id, regular.id)).toBeNull();
    await runModerationAction(moderator, { action: "approve", commentIds: [held.id] });
    expect((await loadComment(held.id, regular.id))!.state).toBe("published");
    expect((await commentBy(newcomer, "My second comment.")).state).toBe("published");
    await runModerationAction(moderator, { action: "essay-settings", essayId, preModeration: "OFF" });

    await runModerationAction(admin, { action: "site-settings", bannedWords: ["scumbag"], suspectWords: ["traitor"] });
    await expect(commentBy(regular, "What a scumbag.")).rejects.toMatchObject({ status: 422 });
    expect((await commentBy(regular, "Called him a traitor.")).state).toBe("held");
    await runModerationAction(admin, { action: "site-settings", bannedWords: [], suspectWords: [] });
  });

  it("the audit log refuses to be rewritten", async () => {
    const row = await db.moderationAction.findFirstOrThrow();
    await expect(db.$executeRaw`UPDATE "ModerationAction" SET reason = 'edited' WHERE id = ${row.id}`).rejects.toThrow();
    await expect(db.$executeRaw`DELETE FROM "ModerationAction" WHERE id = ${row.id}`).rejects.toThrow();
    expect((await db.moderationAction.findUniqueOrThrow({ where: { id: row.id } })).reason).toBe(row.reason);
  });
});
