import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as appealRoute } from "@/app/api/appeals/route";
import { authenticate } from "@/lib/auth/authenticate";
import { SANCTION_COOKIE, issueSanctionToken } from "@/lib/auth/sanction-token";
import { viewerFromToken, type Viewer } from "@/lib/auth/viewer";
import { createComment } from "@/lib/comments/create-comment";
import { loadComment } from "@/lib/comments/queries";
import { db, disconnectDb } from "@/lib/db/client";
import { loadAppealCards } from "@/lib/moderation/appeal-queue";
import { loadSanctionNotice } from "@/lib/appeals/sanction-notice";
import { reportContent } from "@/lib/moderation/report-content";
import { runModerationAction } from "@/lib/moderation/run-action";
import { banUser, suspendUser } from "@/lib/moderation/sanction-user";
import { composeNotificationMail } from "@/lib/notifications/compose-notification-mail";
import { closeLimitStore } from "@/lib/rate-limit/store";
import { createTestEssay } from "../support/essays";
import { actor, callRoute, type RouteEntry } from "./support/operations";
import { CookieJar, freshAddress, makeReader, signInThroughRoute } from "./support/auth-client";

const SECRET = "appeals-test-secret-appeals-test-secret-appeals";
const route: RouteEntry = { file: "app/api/appeals/route.ts", method: "POST", handler: appealRoute };
let essayId: string;
let counter = 0;

beforeAll(async () => {
  process.env.AUTH_SECRET = SECRET;
  ({ essayId } = await createTestEssay("appeals", "On appeals", [{ kind: "paragraph", text: "Every ruling deserves a second reading, the essay says." }]));
  await db.moderationSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: { reportHideThreshold: 3, bannedWords: [], suspectWords: [] } });
});

afterAll(async () => {
  await closeLimitStore();
  await disconnectDb();
});

async function account(label: string, data: { role?: "READER" | "MODERATOR" | "ADMIN"; createdAt?: Date } = {}): Promise<Viewer> {
  counter += 1;
  const user = await db.user.create({
    data: {
      emailVerified: new Date(),
      email: `${label}-${counter}-${Date.now()}@example.test`,
      handle: `${label}-${counter}-${Date.now().toString(36)}`,
      name: label,
      createdAt: data.createdAt ?? new Date("2026-01-01"),
      role: data.role,
    },
  });
  return (await viewerFromToken({ uid: user.id, sv: 0 }))!;
}

/** Dates a reader's waiting appeal back, so it heads the oldest-first tab however many appeals other test files leave waiting. */
async function oldest(userId: string) {
  await db.appeal.updateMany({ where: { userId, status: "OPEN" }, data: { createdAt: new Date("2000-01-01") } });
}

function appeal(message: string, cookie: string | null) {
  return callRoute(route, { params: {}, body: JSON.stringify({ message }), cookie });
}

async function forgetLimits() {
  await db.$executeRaw`DELETE FROM rate_limits`;
}

describe("a banned reader signing in", () => {
  it("learns of the ban only with the right password, and gets the notice's token, never a session", async () => {
    const moderator = await account("mod", { role: "MODERATOR" });
    const reader = await makeReader();
    await banUser(moderator, reader.id, "Repeated personal attacks after a warning");

    const wrong = await signInThroughRoute({ email: reader.email, password: "not the password at all", address: freshAddress() });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.getSetCookie().join(";")).not.toContain(SANCTION_COOKIE);

    const nobody = await signInThroughRoute({ email: `nobody-${reader.email}`, password: reader.password, address: freshAddress() });
    expect(nobody.status).toBe(401);

    const jar = new CookieJar();
    const right = await signInThroughRoute({ email: reader.email, password: reader.password, jar, address: freshAddress() });
    expect(right.status).toBe(403);
    expect(((await right.json()) as { error: { code: string } }).error.code).toBe("BANNED");
    expect(jar.get(SANCTION_COOKIE)).toBeTruthy();
    expect(jar.get("next-auth.session-token")).toBeUndefined();

    // The token is what lets them appeal: it names the account, and the route admits it.
    const filed = await appeal("I was wrong to write that; it will not happen again.", `${SANCTION_COOKIE}=${jar.get(SANCTION_COOKIE)}`);
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  });

  it("a forged or expired token is no one", async () => {
    const moderator = await account("mod", { role: "MODERATOR" });
    const reader = await account("banned");
    await banUser(moderator, reader.id, "Spam");
    const expired = issueSanctionToken(reader.id, Date.now() - 2 * 3600_000);
    expect((await appeal("Please lift it, I only posted once.", `${SANCTION_COOKIE}=${expired}`)).status).toBe(401);
    const forged = issueSanctionToken(reader.id).replace(/.$/, (last) => (last === "A" ? "B" : "A"));
    const otherAccount = issueSanctionToken(moderator.id);
    expect((await appeal("Please lift it, I only posted once.", `${SANCTION_COOKIE}=${otherAccount}`)).status).toBe(401);
    expect((await appeal("Please lift it, I only posted once.", `${SANCTION_COOKIE}=${forged}`)).status).toBe(401);
  });
});

describe("appeals", () => {
  it("are refused to whoever is under no sanction, and to a banned session without the notice's token", async () => {
    expect((await appeal("Lift the sanction on my account, please.", null)).status).toBe(401);
    expect((await appeal("Lift the sanction on my account, please.", (await actor("reader", SECRET)).cookie)).status).toBe(403);
    const banned = await appeal("Lift the sanction on my account, please.", (await actor("banned", SECRET)).cookie);
    expect(banned.status).toBe(403);
    expect(banned.body?.error?.message).toMatch(/sign in again/);
  });

  it("one waits per sanction: a second is 409 until the first is decided", async () => {
    const moderator = await account("mod", { role: "MODERATOR" });
    const reader = await account("suspended");
    await suspendUser(moderator, reader.id, 7, "Off-topic flooding");
    const cookie = (await actorCookie(reader.id)) as string;
    expect((await appeal("It was one thread and I have stopped.", cookie)).status).toBe(201);
    await oldest(reader.id);
    const second = await appeal("Please, it really was one thread.", cookie);
    expect(second.status).toBe(409);
    expect(second.body?.error?.message).toMatch(/already appealed/);
    const [card] = (await loadAppealCards(moderator)).filter((entry) => entry.appellant.id === reader.id);
    await runModerationAction(moderator, { action: "deny-appeal", appealId: card!.id, reason: "The flooding went on for a day." });
    expect((await appeal("Second try: I have read the rules now.", cookie)).status).toBe(201);
  });

  it("granted, lifts a ban: the reader is told (on the site and by mail), it is audited, and they sign in and post again", async () => {
    const moderator = await account("mod", { role: "MODERATOR" });
    const reader = await makeReader();
    await db.user.update({ where: { id: reader.id }, data: { emailVerified: new Date() } });
    await banUser(moderator, reader.id, "Harassment of another reader");
    const token = issueSanctionToken(reader.id);
    expect((await appeal("I apologised to them and will not do it again.", `${SANCTION_COOKIE}=${token}`)).status).toBe(201);
    await oldest(reader.id);

    const notice = await loadSanctionNotice({ userId: reader.id, standing: "BANNED" });
    expect(notice).toMatchObject({ kind: "BAN", reason: "Harassment of another reader", endsAt: null, canAppeal: false });

    const card = (await loadAppealCards(moderator)).find((entry) => entry.appellant.id === reader.id)!;
    expect(card.sanction).toMatchObject({ kind: "BAN", reason: "Harassment of another reader", issuedBy: moderator.handle, inForce: true });
    expect(card.message).toBe("I apologised to them and will not do it again.");
    expect(card.record.sanctions).toHaveLength(1);

    await runModerationAction(moderator, { action: "grant-appeal", appealId: card.id, reason: "Thank you; the ban is lifted." });
    expect(await db.user.findUniqueOrThrow({ where: { id: reader.id }, select: { standing: true } })).toEqual({ standing: "ACTIVE" });
    expect((await db.sanction.findFirstOrThrow({ where: { userId: reader.id } })).liftedAt).not.toBeNull();
    expect(await db.appeal.findUniqueOrThrow({ where: { id: card.id } })).toMatchObject({ status: "GRANTED", decidedById: moderator.id, decisionNote: "Thank you; the ban is lifted." });
    const told = await db.notification.findFirstOrThrow({ where: { userId: reader.id, kind: "APPEAL_OUTCOME" } });
    expect(told.message).toMatch(/granted your appeal.*sign in and write again.*Thank you/);
    expect(await db.moderationAction.findFirst({ where: { action: "grant-appeal", targetId: reader.id } })).toMatchObject({ actorHandle: moderator.handle, targetType: "user" });

    await composeNotificationMail("http://glossa.test");
    const mail = await db.mailMessage.findFirstOrThrow({ where: { userId: reader.id, kind: "appeal-outcome" } });
    expect(mail.text).toMatch(/granted your appeal/);

    const user = await authenticate({ email: reader.email, password: reader.password });
    expect(user).toMatchObject({ id: reader.id });
    await forgetLimits();
    const comment = await createComment((await viewerFromToken({ uid: reader.id, sv: user!.sessionVersion }))!, essayId, { body: "Back, and reading more carefully." });
    expect(comment.state).toBe("published");
  });

  it("denied, keeps the ban: the reader is told by mail though banned, and it is audited", async () => {
    const moderator = await account("mod", { role: "MODERATOR" });
    const reader = await account("banned");
    await banUser(moderator, reader.id, "Spam");
    expect((await appeal("Those were not adverts, they were sources.", `${SANCTION_COOKIE}=${issueSanctionToken(reader.id)}`)).status).toBe(201);
    await oldest(reader.id);
    const card = (await loadAppealCards(moderator)).find((entry) => entry.appellant.id === reader.id)!;
    await expect(runModerationAction(moderator, { action: "deny-appeal", appealId: card.id, reason: "" } as never)).rejects.toBeTruthy();
    await runModerationAction(moderator, { action: "deny-appeal", appealId: card.id, reason: "Forty identical links in a day." });
    expect((await db.user.findUniqueOrThrow({ where: { id: reader.id } })).standing).toBe("BANNED");
    expect((await db.appeal.findUniqueOrThrow({ where: { id: card.id } })).status).toBe("DENIED");
    await expect(runModerationAction(moderator, { action: "grant-appeal", appealId: card.id })).rejects.toMatchObject({ status: 409 });
    expect(await db.moderationAction.findFirst({ where: { action: "deny-appeal", targetId: reader.id } })).toMatchObject({ reason: "Forty identical links in a day." });
    await composeNotificationMail("http://glossa.test");
    const mail = await db.mailMessage.findFirstOrThrow({ where: { userId: reader.id, kind: "appeal-outcome" } });
    expect(mail.text).toMatch(/kept the ban.*Forty identical links/s);
    const notice = await loadSanctionNotice({ userId: reader.id, standing: "BANNED" });
    expect(notice?.appeals[0]).toMatchObject({ status: "DENIED", decisionNote: "Forty identical links in a day." });
    expect(notice?.canAppeal).toBe(true);
  });

  it("a moderator cannot decide their own appeal", async () => {
    const admin = await account("admin", { role: "ADMIN" });
    const moderator = await account("mod", { role: "MODERATOR" });
    await suspendUser(admin, moderator.id, 1, "Hid comments without reasons");
    const sanction = await db.sanction.findFirstOrThrow({ where: { userId: moderator.id } });
    const own = await db.appeal.create({ data: { sanctionId: sanction.id, userId: moderator.id, message: "I had reasons." } });
    await expect(runModerationAction({ ...moderator, standing: "ACTIVE", suspendedUntil: null }, { action: "grant-appeal", appealId: own.id })).rejects.toMatchObject({ status: 403 });
  });
});

describe("held and auto-hidden comments say why, truthfully", () => {
  it("a held comment tells its author why and how long review takes; nobody else sees it", async () => {
    const author = await account("newcomer", { createdAt: new Date() });
    const other = await account("other");
    await forgetLimits();
    const held = await createComment(author, essayId, { body: "Compare https://example.com/ruling" });
    expect(held.state).toBe("held");
    expect(held.holdReasons?.length).toBeGreaterThan(0);
    expect(await loadComment(held.id, other.id)).toBeNull();

    // Three reviews of held comments, each after two hours: the usual wait is measured from them.
    const moderator = await account("mod", { role: "MODERATOR" });
    for (let n = 0; n < 3; n++) {
      await forgetLimits();
      const waiting = await createComment(author, essayId, { body: `Another link https://example.com/${n}` });
      await db.comment.update({ where: { id: waiting.id }, data: { createdAt: new Date(Date.now() - 2 * 3600_000) } });
      await runModerationAction(moderator, { action: "approve", commentIds: [waiting.id] });
    }
    const mine = (await loadComment(held.id, author.id))!;
    expect(mine.holdReasons).toEqual(held.holdReasons);
    expect(mine.reviewWaitSeconds).toBeGreaterThan(3600);
    expect(mine.reviewWaitSeconds).toBeLessThan(3 * 3600);
  });

  it("hidden after reports says so; a moderator's decision clears it", async () => {
    const author = await account("author");
    const moderator = await account("mod", { role: "MODERATOR" });
    await forgetLimits();
    const comment = await createComment(author, essayId, { body: "A sharp but fair reading." });
    for (let n = 0; n < 3; n++) await reportContent(await account(`reporter${n}`), { target: { type: "comment", id: comment.id }, reason: "SPAM" });
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({ status: "HIDDEN", hiddenByReports: true });
    expect(await loadComment(comment.id, null)).toMatchObject({ state: "hidden", hiddenByReports: true });

    await runModerationAction(moderator, { action: "hide", commentIds: [comment.id], reason: "Personal attack" });
    expect(await loadComment(comment.id, null)).toMatchObject({ state: "hidden", hiddenByReports: false, hiddenReason: "Personal attack" });
    await runModerationAction(moderator, { action: "restore", commentIds: [comment.id] });
    expect(await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).toMatchObject({ status: "PUBLISHED", hiddenByReports: false });
  });

  it("a note hidden after reports is flagged, and approving it brings it back", async () => {
    const author = await account("noter");
    const moderator = await account("mod", { role: "MODERATOR" });
    const revision = await db.essayRevision.findFirstOrThrow({ where: { essayId } });
    const note = await db.highlight.create({
      data: {
        essayId,
        authorId: author.id,
        revisionId: revision.id,
        originalRevisionId: revision.id,
        exact: "Every",
        prefix: "",
        suffix: " ruling",
        start: 0,
        end: 5,
        visibility: "PUBLIC",
        note: "Overstated.",
      },
    });
    for (let n = 0; n < 3; n++) await reportContent(await account(`noteReporter${n}`), { target: { type: "note", id: note.id }, reason: "OFF_TOPIC" });
    expect(await db.highlight.findUniqueOrThrow({ where: { id: note.id } })).toMatchObject({ noteHiddenByReports: true, noteHiddenReason: "Hidden after several reports, awaiting a moderator." });
    await runModerationAction(moderator, { action: "dismiss-note-reports", highlightIds: [note.id] });
    expect(await db.highlight.findUniqueOrThrow({ where: { id: note.id } })).toMatchObject({ noteHiddenAt: null, noteHiddenByReports: false });
  });
});

/** A session cookie for an existing account. */
async function actorCookie(userId: string): Promise<string> {
  const { encode } = await import("next-auth/jwt");
  const { SESSION_COOKIE } = await import("@/lib/auth/config");
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  return `${SESSION_COOKIE}=${await encode({ token: { uid: user.id, sv: user.sessionVersion }, secret: SECRET })}`;
}
