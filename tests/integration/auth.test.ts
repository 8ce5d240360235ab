import { spawnSync } from "node:child_process";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as accountPost } from "@/app/api/account/route";
import { POST as profilePatchAsPost } from "@/app/api/account/password/route";
import { authenticate } from "@/lib/auth/authenticate";
import { changePassword, signOutEverywhere } from "@/lib/auth/account-settings";
import { createOrPromoteUser } from "@/lib/auth/create-or-promote-user";
import { deleteAccount } from "@/lib/auth/delete-account";
import { guardSignIn } from "@/lib/auth/guard-sign-in";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { signUpSchema } from "@/lib/auth/schemas";
import { signUp } from "@/lib/auth/sign-up";
import { assertCanWrite, decodeSessionToken, hasRole, viewerFromToken } from "@/lib/auth/viewer";
import { db, disconnectDb } from "@/lib/db/client";
import { PROJECT_ROOT } from "@/lib/db/migrations";
import { errorResponse } from "@/lib/http/respond";
import { closeLimitStore } from "@/lib/rate-limit/store";
import { freshAddress, fromSocket } from "./support/auth-client";

const SECRET = "integration-test-secret-integration-test-secret";
const ORIGIN = "http://glossa.test";

beforeAll(() => {
  process.env.AUTH_SECRET = SECRET;
});

afterAll(async () => {
  await closeLimitStore();
  await disconnectDb();
});

let counter = 0;
function uniqueReader(password = "a long enough password") {
  counter += 1;
  const id = `${Date.now().toString(36)}${counter}`;
  return { email: `reader-${id}@example.test`, handle: `reader-${id}`, name: "Reader", password };
}

function jsonRequest(path: string, body: unknown, headers: Record<string, string> = {}, method = "POST") {
  return new Request(`${ORIGIN}${path}`, {
    method,
    headers: { "content-type": "application/json", origin: ORIGIN, host: "glossa.test", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const noParams = { params: Promise.resolve({}) };

async function tokenFor(userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  return decodeSessionToken(await encode({ token: { uid: user.id, sv: user.sessionVersion }, secret: SECRET }));
}

describe("passwords", () => {
  it("hash with argon2id and verify a 100-character multibyte password without truncation", async () => {
    const password = [..."пароль-密码-🔐".repeat(10)].slice(0, 100).join("");
    expect([...password]).toHaveLength(100);
    const hash = await hashPassword(password);
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, password)).toBe(true);
    expect(await verifyPassword(hash, password.slice(0, -1))).toBe(false);
    expect(await verifyPassword(hash, `${password}x`)).toBe(false);
  });

  it("refuse a password equal to the email or handle, and short ones", () => {
    const reader = uniqueReader();
    for (const password of [reader.email, reader.handle.toUpperCase(), "short"]) {
      const result = signUpSchema.safeParse({ ...reader, password });
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]!.path).toEqual(["password"]);
    }
  });
});

describe("signing in", () => {
  it("gives the same answer for an unknown email and a wrong password", async () => {
    const reader = uniqueReader();
    await signUp(signUpSchema.parse(reader));
    expect(await authenticate({ email: reader.email, password: "wrong password here" })).toBeNull();
    expect(await authenticate({ email: `nobody-${reader.email}`, password: reader.password })).toBeNull();
    expect(await authenticate({ email: reader.email.toUpperCase(), password: reader.password })).toMatchObject({ email: reader.email });
  });

  it("refuses the 7th attempt within a minute from one IP with 429 and Retry-After", async () => {
    const ip = `203.0.113.${Math.floor(Math.random() * 250)}-${Date.now()}`;
    const attempt = (n: number) => guardSignIn({ email: `someone${n}@example.test`, ip, device: null });
    for (let n = 1; n <= 6; n++) await attempt(n);
    const refused = await attempt(7).catch((error: unknown) => error);
    const response = errorResponse(refused);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/^Too many sign-in attempts\. Try again in \d+ seconds?\.$/);
  });

  it("limits attempts on one account to 10 per 10 minutes, from any address", async () => {
    const email = `target-${Date.now()}@example.test`;
    const attempt = (n: number) => guardSignIn({ email, ip: `198.51.100.${n}-${Date.now()}`, device: null });
    for (let n = 1; n <= 10; n++) await attempt(n);
    await expect(attempt(11)).rejects.toMatchObject({ code: "RATE_LIMITED" });
  });
});

describe("sessions re-check the account at every request", () => {
  it("ends a session after sign-out-everywhere, a password change or a ban, and refuses writes while suspended", async () => {
    const reader = uniqueReader();
    const { id } = await signUp(signUpSchema.parse(reader));

    const token = await tokenFor(id);
    const viewer = await viewerFromToken(token);
    expect(viewer).toMatchObject({ id, handle: reader.handle });
    expect(() => assertCanWrite(viewer)).not.toThrow();

    await signOutEverywhere(id);
    expect(await viewerFromToken(token)).toBeNull();

    const fresh = await tokenFor(id);
    await changePassword(id, reader.password, "another long password");
    expect(await viewerFromToken(fresh)).toBeNull();

    const suspendedToken = await tokenFor(id);
    const until = new Date(Date.now() + 24 * 3600 * 1000);
    await db.user.update({ where: { id }, data: { standing: "SUSPENDED", suspendedUntil: until } });
    const suspended = await viewerFromToken(suspendedToken);
    expect(suspended).not.toBeNull();
    expect(() => assertCanWrite(suspended)).toThrow(/suspended until/);

    await db.user.update({ where: { id }, data: { standing: "BANNED", suspendedUntil: null } });
    expect(await viewerFromToken(suspendedToken)).toBeNull();
    expect(() => assertCanWrite(null)).toThrow(expect.objectContaining({ status: 401 }));
  });

  it("takes a demotion at the next request even though the token is unchanged", async () => {
    const reader = uniqueReader();
    const { id } = await signUp(signUpSchema.parse(reader));
    await db.user.update({ where: { id }, data: { role: "MODERATOR" } });
    const token = await tokenFor(id);
    expect(hasRole((await viewerFromToken(token))!, "MODERATOR")).toBe(true);
    await db.user.update({ where: { id }, data: { role: "READER" } });
    expect(hasRole((await viewerFromToken(token))!, "MODERATOR")).toBe(false);
  });

  it("rejects a token signed with another secret", async () => {
    const forged = await encode({ token: { uid: "someone", sv: 0 }, secret: "a different secret entirely" });
    expect(await decodeSessionToken(forged)).toBeNull();
  });
});

describe("the write routes", () => {
  it("refuse cross-origin requests with 403, whatever the content type", async () => {
    const reader = uniqueReader();
    const cases = [
      jsonRequest("/api/account", reader, { origin: "https://evil.example" }),
      jsonRequest("/api/account", reader, { origin: "null" }),
      new Request(`${ORIGIN}/api/account`, { method: "POST", headers: { "content-type": "text/plain", origin: "https://evil.example" }, body: JSON.stringify(reader) }),
      new Request(`${ORIGIN}/api/account`, { method: "POST", headers: { "content-type": "text/plain", "sec-fetch-site": "cross-site" }, body: JSON.stringify(reader) }),
    ];
    for (const request of cases) {
      const response = await accountPost(request, noParams);
      expect(response.status).toBe(403);
    }
    const forbiddenPassword = await profilePatchAsPost(jsonRequest("/api/account/password", { currentPassword: "x", newPassword: "y" }, { origin: "https://evil.example" }), noParams);
    expect(forbiddenPassword.status).toBe(403);
    expect(await db.user.count({ where: { email: reader.email } })).toBe(0);
  });

  it("answer bad sign-up input with 422 and a message per field, writing nothing", async () => {
    const before = await db.user.count();
    const cases: [unknown, string[]][] = [
      [{ email: "not-an-email", handle: "ok-handle", name: "A", password: "long enough password" }, ["email"]],
      [{ handle: "ok-handle", name: "A", password: "long enough password" }, ["email"]],
      [{ email: "a@example.test", handle: "x".repeat(31), name: "A", password: "long enough password" }, ["handle"]],
      [{ email: "a@example.test", handle: "ok-handle", name: "A".repeat(61), password: "long enough password" }, ["name"]],
      [{ email: "a@example.test", handle: "ok-handle", name: "A", password: 12345678901 }, ["password"]],
      [{ email: 5, handle: ["x"], name: null, password: "short" }, ["email", "handle", "name", "password"]],
    ];
    for (const [body, fields] of cases) {
      const response = await accountPost(jsonRequest("/api/account", body, fromSocket(freshAddress())), noParams);
      expect(response.status).toBe(422);
      const payload = (await response.json()) as { error: { fieldErrors: Record<string, string[]> } };
      expect(Object.keys(payload.error.fieldErrors).sort()).toEqual(fields);
      for (const messages of Object.values(payload.error.fieldErrors)) expect(messages[0]!.length).toBeGreaterThan(10);
    }
    const notJson = await accountPost(jsonRequest("/api/account", "{not json"), noParams);
    expect(notJson.status).toBe(400);
    expect(await db.user.count()).toBe(before);
  });

  it("creates an account through the route, and refuses a taken handle with 409", async () => {
    const reader = uniqueReader();
    const created = await accountPost(jsonRequest("/api/account", reader, fromSocket(freshAddress())), noParams);
    expect(created.status).toBe(201);
    const again = await accountPost(jsonRequest("/api/account", { ...reader, email: `other-${reader.email}` }, fromSocket(freshAddress())), noParams);
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { fieldErrors: Record<string, string[]> } }).error.fieldErrors.handle).toBeDefined();
  });
});

describe("user:create", () => {
  it("creates an account with a role, then promotes it", async () => {
    const reader = uniqueReader();
    const created = await createOrPromoteUser({ email: reader.email, handle: reader.handle, role: "moderator" });
    expect(created).toMatchObject({ created: true, role: "moderator" });
    expect(created.generatedPassword!.length).toBeGreaterThanOrEqual(20);
    expect(await authenticate({ email: reader.email, password: created.generatedPassword })).not.toBeNull();
    const promoted = await createOrPromoteUser({ email: reader.email, handle: reader.handle, role: "admin" });
    expect(promoted).toMatchObject({ created: false, role: "admin" });
    expect((await db.user.findUniqueOrThrow({ where: { email: reader.email } })).role).toBe("ADMIN");
  });

  it("runs from the command line and exits non-zero on bad input", () => {
    const run = spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/user-create.ts", "--email", "nope", "--handle", "x"], { cwd: PROJECT_ROOT, env: process.env, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Error: .*email address/m);
  });
});

describe("deleting an account", () => {
  async function readerWithHighlight() {
    const reader = uniqueReader();
    const { id } = await signUp(signUpSchema.parse(reader));
    const essay = await db.essay.create({ data: { slug: `essay-${reader.handle}` } });
    const revision = await db.essayRevision.create({
      data: { essayId: essay.id, number: 1, title: "T", blocks: [], text: "Some words here.", contentHash: reader.handle, wordCount: 3 },
    });
    await db.highlight.create({
      data: { essayId: essay.id, authorId: id, revisionId: revision.id, originalRevisionId: revision.id, exact: "words", prefix: "Some ", suffix: " here.", start: 5, end: 10, visibility: "PUBLIC" },
    });
    return { reader, id };
  }

  it("keeps contributions under “[deleted account]” and erases the person", async () => {
    const { reader, id } = await readerWithHighlight();
    const token = await tokenFor(id);
    await expect(deleteAccount(id, "keep", "wrong password!")).rejects.toMatchObject({ status: 422 });
    await deleteAccount(id, "keep", reader.password);
    const user = await db.user.findUniqueOrThrow({ where: { id } });
    expect(user).toMatchObject({ email: null, passwordHash: null, name: "[deleted account]" });
    expect(user.handle).not.toBe(reader.handle);
    expect(await db.highlight.count({ where: { authorId: id, deletedAt: null } })).toBe(1);
    expect(await viewerFromToken(token)).toBeNull();
    expect(await authenticate({ email: reader.email, password: reader.password })).toBeNull();
  });

  it("removes contributions when asked", async () => {
    const { reader, id } = await readerWithHighlight();
    await deleteAccount(id, "remove", reader.password);
    expect(await db.highlight.count({ where: { authorId: id, deletedAt: null } })).toBe(0);
  });
});
