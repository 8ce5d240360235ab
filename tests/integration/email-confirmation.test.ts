import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as confirmPost } from "@/app/api/account/email/confirm/route";
import { POST as resendPost } from "@/app/api/account/email/confirmation/route";
import { POST as changePost } from "@/app/api/account/email/route";
import { POST as signUpPost } from "@/app/api/account/route";
import { authSecret, SESSION_COOKIE } from "@/lib/auth/config";
import { hashPassword } from "@/lib/auth/password";
import { viewerFromToken, type Viewer } from "@/lib/auth/viewer";
import { createComment } from "@/lib/comments/create-comment";
import { toggleVote } from "@/lib/comments/toggle-vote";
import { db, disconnectDb } from "@/lib/db/client";
import { createHighlight } from "@/lib/highlights/create-highlight";
import { deliverDueMail } from "@/lib/mail/outbox-worker";
import { createSendMail } from "@/lib/mail/transport";
import { closeLimitStore } from "@/lib/rate-limit/store";
import { createTestEssay } from "../support/essays";
import { startMailServer, type TestMailServer } from "../support/mail-server";

// Confirming an address: at sign-up (and what an unconfirmed account may
// not do), and when the address changes. Route handlers, the outbox and a
// real SMTP server; links are read from what it received.

const ORIGIN = "https://glossa.example";
const PASSWORD = "a password long enough to keep";
let smtp: TestMailServer;
let essayId: string;
let revisionId: string;
let text: string;
let counter = 0;

/** A session cookie for the account, as a sign-in would set it. */
async function sessionCookieFor(userId: string): Promise<string> {
  return `${SESSION_COOKIE}=${await encode({ token: { uid: userId, sv: 0 }, secret: authSecret() })}`;
}

const stamp = () => `${Date.now().toString(36)}${(counter += 1)}`;

function call(handler: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>, path: string, body: unknown, cookie?: string) {
  const request = new Request(`http://glossa.test${path}`, {
    method: "POST",
    headers: { host: "glossa.test", origin: "http://glossa.test", "content-type": "application/json", "x-forwarded-for": `198.51.100.${counter % 200}`, ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return handler(request, { params: Promise.resolve({}) });
}

/** Sends what the outbox holds to the test server; the confirmation tokens mailed to `email`, oldest first. */
async function mailedTokens(email: string): Promise<string[]> {
  await deliverDueMail(createSendMail(smtp.url));
  return smtp.to(email).flatMap((message) => /verify-email\?token=([A-Za-z0-9_-]{43})/.exec(message.text ?? "")?.[1] ?? []);
}

async function signUp(): Promise<{ id: string; email: string; viewer: () => Promise<Viewer> }> {
  const id = stamp();
  const email = `vera-${id}@example.test`;
  const response = await call(signUpPost, "/api/account", { email, handle: `vera-${id}`, name: "Vera", password: PASSWORD });
  expect(response.status).toBe(201);
  const { account } = (await response.json()) as { account: { id: string } };
  return { id: account.id, email, viewer: async () => (await viewerFromToken({ uid: account.id, sv: 0 }))! };
}

const passage = (phrase: string) => {
  const start = text.indexOf(phrase);
  return { revisionId, start, end: start + phrase.length, exact: phrase, colour: "yellow" as const, note: null };
};

beforeAll(async () => {
  process.env.NEXTAUTH_URL = ORIGIN;
  process.env.AUTH_SECRET ??= "email-confirmation-test-secret-email-confirmation";
  smtp = await startMailServer();
  ({ essayId, revisionId, text } = await createTestEssay("confirm", "Harbours", [{ kind: "paragraph", text: "Slower boats, run more often, serve riders better than fast ones." }]));
});

beforeEach(async () => {
  await db.$executeRaw`DELETE FROM rate_limits`;
  await db.moderationSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: { requireVerifiedEmail: true } });
});

afterAll(async () => {
  delete process.env.NEXTAUTH_URL;
  await db.moderationSettings.update({ where: { id: 1 }, data: { requireVerifiedEmail: true } });
  await smtp.stop();
  await closeLimitStore();
  await disconnectDb();
});

describe("confirming the address at sign-up", () => {
  it("mails one link; until it is opened the reader may highlight privately but not comment, vote or publish; then they may", async () => {
    const vera = await signUp();
    const [token] = await mailedTokens(vera.email);
    expect(token).toBeTruthy();
    expect(smtp.to(vera.email)[0]?.subject).toBe("Confirm your email for Glossa");
    expect(smtp.to(vera.email)[0]?.html).toContain(`href="${ORIGIN}/verify-email?token=${token}"`);
    const unconfirmed = await vera.viewer();
    expect(unconfirmed.emailVerified).toBe(false);

    const commentsBefore = await db.comment.count({ where: { essayId } });
    await expect(createComment(unconfirmed, essayId, { body: "Too soon?" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("Confirm your email address before you comment"),
    });
    expect(await db.comment.count({ where: { essayId } })).toBe(commentsBefore);
    expect(await db.rateLimit.count({ where: { key: { contains: vera.id } } })).toBe(0);
    await expect(createHighlight(vera.id, essayId, { ...passage("Slower boats"), visibility: "public" })).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("publish a highlight"),
    });
    const privately = await createHighlight(vera.id, essayId, { ...passage("Slower boats"), visibility: "private" });
    expect(privately.visibility).toBe("private");

    const other = await db.user.create({ data: { emailVerified: new Date(), handle: `ola-${stamp()}`, name: "Ola" } });
    const theirs = await createComment((await viewerFromToken({ uid: other.id, sv: 0 }))!, essayId, { body: "A comment to vote for." });
    await expect(toggleVote(vera.id, theirs.id)).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("before you vote") });

    const confirmed = await call(confirmPost, "/api/account/email/confirm", { token });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toEqual({ email: vera.email, changed: false });
    const viewer = await vera.viewer();
    expect(viewer.emailVerified).toBe(true);
    expect((await createComment(viewer, essayId, { body: "Now I may." })).source).toBe("Now I may.");
    expect((await toggleVote(vera.id, theirs.id)).voted).toBe(true);

    // The link works once.
    const again = await call(confirmPost, "/api/account/email/confirm", { token });
    expect(again.status).toBe(422);
    expect(((await again.json()) as { error: { message: string } }).error.message).toContain("expired or was already used");
  });

  it("a newer link replaces the older; a link past 24 hours does not work; a malformed one is 422", async () => {
    const vera = await signUp();
    const cookie = await sessionCookieFor(vera.id);
    const resent = await call(resendPost, "/api/account/email/confirmation", undefined, cookie);
    expect(resent.status).toBe(200);
    const [older, newer] = await mailedTokens(vera.email);
    expect(older && newer && older !== newer).toBe(true);
    expect((await call(confirmPost, "/api/account/email/confirm", { token: older })).status).toBe(422);

    await db.emailConfirmation.updateMany({ where: { userId: vera.id }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    expect((await call(confirmPost, "/api/account/email/confirm", { token: newer })).status).toBe(422);
    expect((await vera.viewer()).emailVerified).toBe(false);

    const malformed = await call(confirmPost, "/api/account/email/confirm", { token: "short" });
    expect(malformed.status).toBe(422);
  });

  it("with the admins' setting off, an unconfirmed reader comments", async () => {
    await db.moderationSettings.update({ where: { id: 1 }, data: { requireVerifiedEmail: false } });
    const vera = await signUp();
    expect((await createComment(await vera.viewer(), essayId, { body: "The site lets me." })).source).toBe("The site lets me.");
  });

  it("resending for a confirmed address is refused, and signed out is 401 before anything", async () => {
    const vera = await signUp();
    const [token] = await mailedTokens(vera.email);
    await call(confirmPost, "/api/account/email/confirm", { token });
    const cookie = await sessionCookieFor(vera.id);
    expect((await call(resendPost, "/api/account/email/confirmation", undefined, cookie)).status).toBe(409);
    expect((await call(resendPost, "/api/account/email/confirmation", undefined)).status).toBe(401);
  });
});

describe("changing the address", () => {
  async function confirmedReader() {
    const id = stamp();
    const user = await db.user.create({
      data: { email: `old-${id}@example.test`, emailVerified: new Date(), handle: `mover-${id}`, name: "Mo", passwordHash: await hashPassword(PASSWORD) },
    });
    return { ...user, email: user.email!, cookie: await sessionCookieFor(user.id) };
  }

  it("needs the password; the new address confirms before it replaces the old; the old is told; old reset links die", async () => {
    const mo = await confirmedReader();
    const next = `new-${stamp()}@example.test`;
    const wrong = await call(changePost, "/api/account/email", { email: next, password: "not the password at all" }, mo.cookie);
    expect(wrong.status).toBe(422);
    expect(await db.emailConfirmation.count({ where: { userId: mo.id } })).toBe(0);

    await db.passwordReset.create({ data: { userId: mo.id, tokenHash: `reset-${mo.id}`, expiresAt: new Date(Date.now() + 600_000) } });
    const asked = await call(changePost, "/api/account/email", { email: next.toUpperCase(), password: PASSWORD }, mo.cookie);
    expect(asked.status).toBe(200);
    expect(((await asked.json()) as { message: string }).message).toContain(`We sent a link to ${next}`);
    const [token] = await mailedTokens(next);
    expect(smtp.to(next)[0]?.subject).toBe("Confirm your new email for Glossa");
    // Not yet: mail still goes to the old address.
    expect((await db.user.findUniqueOrThrow({ where: { id: mo.id } })).email).toBe(mo.email);

    const confirmed = await call(confirmPost, "/api/account/email/confirm", { token });
    expect(await confirmed.json()).toEqual({ email: next, changed: true });
    const after = await db.user.findUniqueOrThrow({ where: { id: mo.id } });
    expect(after.email).toBe(next);
    expect(after.emailVerified).not.toBeNull();
    expect(await db.passwordReset.count({ where: { userId: mo.id } })).toBe(0);
    await deliverDueMail(createSendMail(smtp.url));
    const told = smtp.to(mo.email);
    expect(told.map((message) => message.subject)).toEqual(["Your Glossa email address was changed"]);
    expect(told[0]?.text).toContain(`to ${next}`);
  });

  it("an address another account uses gets the same answer and no mail; the same address is refused", async () => {
    const mo = await confirmedReader();
    const other = await confirmedReader();
    const asked = await call(changePost, "/api/account/email", { email: other.email, password: PASSWORD }, mo.cookie);
    expect(asked.status).toBe(200);
    expect(((await asked.json()) as { message: string }).message).toContain(`We sent a link to ${other.email}`);
    await deliverDueMail(createSendMail(smtp.url));
    expect(smtp.to(other.email)).toHaveLength(0);
    expect(await db.emailConfirmation.count({ where: { userId: mo.id } })).toBe(0);
    expect((await call(changePost, "/api/account/email", { email: mo.email, password: PASSWORD }, mo.cookie)).status).toBe(422);
  });

  it("if another account takes the address before the link is opened, confirming says so (409) and changes nothing", async () => {
    const mo = await confirmedReader();
    const next = `race-${stamp()}@example.test`;
    await call(changePost, "/api/account/email", { email: next, password: PASSWORD }, mo.cookie);
    const [token] = await mailedTokens(next);
    await db.user.create({ data: { email: next, handle: `taker-${stamp()}`, name: "Taker" } });
    const confirmed = await call(confirmPost, "/api/account/email/confirm", { token });
    expect(confirmed.status).toBe(409);
    expect((await db.user.findUniqueOrThrow({ where: { id: mo.id } })).email).toBe(mo.email);
  });
});
