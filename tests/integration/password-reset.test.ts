import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as confirmPost } from "@/app/api/account/password-reset/confirm/route";
import { POST as requestPost } from "@/app/api/account/password-reset/route";
import { authenticate } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { RESET_REQUESTED } from "@/lib/auth/request-password-reset";
import { viewerFromToken } from "@/lib/auth/viewer";
import { db, disconnectDb } from "@/lib/db/client";
import { SOCKET_PEER_HEADER, socketPeerStamp } from "@/lib/http/socket-peer";
import { deliverDueMail } from "@/lib/mail/outbox-worker";
import { createSendMail } from "@/lib/mail/transport";
import { closeLimitStore } from "@/lib/rate-limit/store";
import { startMailServer, type TestMailServer } from "../support/mail-server";

// "Forgot password?" end to end below the browser: the route handlers, the
// outbox, a real SMTP server, and the link read from what it received.

const ORIGIN = "https://glossa.example";
const OLD_PASSWORD = "the old password, long enough";
const NEW_PASSWORD = "a brand new passphrase for reading";
let smtp: TestMailServer;
let counter = 0;

async function account(): Promise<{ id: string; email: string; sessionVersion: number }> {
  counter += 1;
  const stamp = `${Date.now().toString(36)}${counter}`;
  return db.user.create({
    data: {
      emailVerified: new Date(),
      email: `reset-${stamp}@example.test`,
      handle: `reset-${stamp}`,
      name: "Rosa",
      passwordHash: await hashPassword(OLD_PASSWORD),
      createdAt: new Date("2026-01-01"),
    },
    select: { id: true, email: true, sessionVersion: true },
  }) as Promise<{ id: string; email: string; sessionVersion: number }>;
}

function call(handler: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>, path: string, body: unknown, headers: Record<string, string> = {}) {
  const request = new Request(`http://glossa.test${path}`, {
    method: "POST",
    headers: { host: "glossa.test", origin: "http://glossa.test", "content-type": "application/json", [SOCKET_PEER_HEADER]: socketPeerStamp(`198.51.100.${counter % 200}`, "http"), ...headers },
    body: JSON.stringify(body),
  });
  return handler(request, { params: Promise.resolve({}) });
}

const ask = (email: string, headers?: Record<string, string>) => call(requestPost, "/api/account/password-reset", { email }, headers);
const confirm = (token: string, password = NEW_PASSWORD) => call(confirmPost, "/api/account/password-reset/confirm", { token, password });

/** Sends what the outbox holds to the test server, and returns the reset tokens mailed to `email`, oldest first. */
async function mailedTokens(email: string): Promise<string[]> {
  await deliverDueMail(createSendMail(smtp.url));
  return smtp.to(email).map((message) => /token=([A-Za-z0-9_-]{43})/.exec(message.text ?? "")?.[1] ?? "");
}

beforeAll(async () => {
  process.env.NEXTAUTH_URL = ORIGIN;
  smtp = await startMailServer();
});

beforeEach(async () => {
  await db.$executeRaw`DELETE FROM rate_limits`;
});

afterAll(async () => {
  delete process.env.NEXTAUTH_URL;
  await smtp.stop();
  await closeLimitStore();
  await disconnectDb();
});

describe("forgot password", () => {
  it("answers the same for an address with an account and one without, and mails only the one with", async () => {
    const rosa = await account();
    const nobody = `nobody-${Date.now()}@example.test`;
    const [known, unknown] = [await ask(rosa.email), await ask(nobody)];
    expect([known.status, unknown.status]).toEqual([200, 200]);
    expect(await known.json()).toEqual({ message: RESET_REQUESTED });
    expect(await unknown.json()).toEqual({ message: RESET_REQUESTED });
    const tokens = await mailedTokens(rosa.email);
    expect(tokens).toHaveLength(1);
    expect(smtp.to(nobody)).toHaveLength(0);
    const [message] = smtp.to(rosa.email);
    expect(message?.subject).toBe("Reset your Glossa password");
    expect(message?.html).toContain(`href="${ORIGIN}/reset-password?token=${tokens[0]}"`);
    expect(message?.messageId).toMatch(/^<[0-9a-f]{32}@glossa\.mail>$/);
    // Only the token's hash is stored.
    const stored = await db.passwordReset.findFirstOrThrow({ where: { userId: rosa.id } });
    expect(stored.tokenHash).not.toContain(tokens[0]!);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("builds the link on NEXTAUTH_URL, never on a Host header the caller sent", async () => {
    const rosa = await account();
    // A request sent straight to the server with a forged Host (and an Origin to match it passes the same-origin check).
    expect((await ask(rosa.email, { host: "evil.example", origin: "http://evil.example", "x-forwarded-host": "evil.example" })).status).toBe(200);
    expect(await mailedTokens(rosa.email)).toHaveLength(1);
    const [message] = smtp.to(rosa.email);
    expect(message?.text).toContain(`${ORIGIN}/reset-password?token=`);
    expect(message?.text).not.toContain("evil.example");
  });

  it("sets a new password once: the link works a single time, ends every session, and signs in with the new password only", async () => {
    const rosa = await account();
    await ask(rosa.email);
    const [token] = await mailedTokens(rosa.email);
    const reset = await confirm(token!);
    expect(reset.status).toBe(200);
    expect(await reset.json()).toEqual({ email: rosa.email });
    // The session from before the reset has ended.
    expect(await viewerFromToken({ uid: rosa.id, sv: rosa.sessionVersion })).toBeNull();
    expect(await authenticate({ email: rosa.email, password: NEW_PASSWORD })).toMatchObject({ id: rosa.id });
    expect(await authenticate({ email: rosa.email, password: OLD_PASSWORD })).toBeNull();
    expect((await db.user.findUniqueOrThrow({ where: { id: rosa.id } })).emailVerified).not.toBeNull();
    // Twice: refused, and the password stays the one just set.
    const again = await confirm(token!, "yet another long passphrase");
    expect(again.status).toBe(422);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(/expired or was already used/);
    expect(await authenticate({ email: rosa.email, password: NEW_PASSWORD })).toMatchObject({ id: rosa.id });
  });

  it("refuses a link after 30 minutes", async () => {
    const rosa = await account();
    await ask(rosa.email);
    const [token] = await mailedTokens(rosa.email);
    await db.passwordReset.updateMany({ where: { userId: rosa.id }, data: { expiresAt: new Date(Date.now() - 1_000), createdAt: new Date(Date.now() - 31 * 60_000) } });
    expect((await confirm(token!)).status).toBe(422);
    expect(await authenticate({ email: rosa.email, password: OLD_PASSWORD })).toMatchObject({ id: rosa.id });
  });

  it("refuses an older link once a newer one was asked for", async () => {
    const rosa = await account();
    await ask(rosa.email);
    await ask(rosa.email);
    const [older, newer] = await mailedTokens(rosa.email);
    expect(older).not.toBe(newer);
    expect((await confirm(older!)).status).toBe(422);
    expect((await confirm(newer!)).status).toBe(200);
  });

  it("lets one use win when a link is used twice at once", async () => {
    const rosa = await account();
    await ask(rosa.email);
    const [token] = await mailedTokens(rosa.email);
    const statuses = (await Promise.all([confirm(token!), confirm(token!, "the other concurrent passphrase")])).map((answer) => answer.status).sort();
    expect(statuses).toEqual([200, 422]);
  });

  it("limits requests to 3 an hour per address, whether or not an account uses it, and 10 an hour per network", async () => {
    const rosa = await account();
    const statuses = [];
    for (let index = 0; index < 4; index++) statuses.push((await ask(rosa.email)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const unknown = [];
    for (let index = 0; index < 4; index++) unknown.push((await ask(`ghost-${Date.now()}@example.test`)).status);
    // Ten from this address in all (four above, four here, then two more), then 429.
    for (let index = 0; index < 3; index++) unknown.push((await ask(`ghost-${index}-${Date.now()}@example.test`)).status);
    expect(unknown).toEqual([200, 200, 200, 200, 200, 200, 429]);
    expect(await mailedTokens(rosa.email)).toHaveLength(3);
  });

  it("refuses malformed input with a message, and a password that is the email", async () => {
    const rosa = await account();
    expect((await ask("not an email")).status).toBe(422);
    expect((await confirm("short")).status).toBe(422);
    await ask(rosa.email);
    const [token] = await mailedTokens(rosa.email);
    const same = await confirm(token!, rosa.email);
    expect(same.status).toBe(422);
    expect(((await same.json()) as { error: { message: string } }).error.message).toMatch(/not your email/);
    // The link was not spent by the refusal.
    expect((await confirm(token!)).status).toBe(200);
  });
});
