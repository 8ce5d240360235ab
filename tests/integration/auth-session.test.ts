import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changePassword, signOutEverywhere } from "@/lib/auth/account-settings";
import { SESSION_COOKIE } from "@/lib/auth/config";
import { db, disconnectDb } from "@/lib/db/client";
import { closeLimitStore } from "@/lib/rate-limit/store";
import { callAuth, CookieJar, csrfToken, freshAddress, makeReader, signInThroughRoute } from "./support/auth-client";

const SECRET = "integration-test-secret-integration-test-secret";

beforeAll(() => {
  process.env.AUTH_SECRET = SECRET;
  delete process.env.NEXTAUTH_URL;
  delete process.env.TRUST_PROXY;
});

afterAll(async () => {
  await closeLimitStore();
  await disconnectDb();
});

/** A reader signed in through the real route, with the browser's cookies. */
async function signedIn() {
  const reader = await makeReader();
  const jar = new CookieJar();
  expect((await signInThroughRoute({ email: reader.email, password: reader.password, jar, address: freshAddress() })).status).toBe(200);
  return { reader, jar };
}

async function session(jar: CookieJar) {
  const response = await callAuth("session", { jar });
  return { status: response.status, body: (await response.json()) as { user?: { id: string } }, setCookies: response.headers.getSetCookie() };
}

function clearsSessionCookie(setCookies: string[]): boolean {
  return setCookies.some((line) => line.startsWith(`${SESSION_COOKIE}=;`) && /Max-Age=0/i.test(line));
}

describe("/api/auth/session answers as the account stands now", () => {
  it("answers with the session, and refreshes it, while the account honours it", async () => {
    const { reader, jar } = await signedIn();
    const answer = await session(jar);
    expect(answer.status).toBe(200);
    expect(answer.body.user?.id).toBe((await db.user.findUniqueOrThrow({ where: { email: reader.email } })).id);
    expect(answer.setCookies.some((line) => line.startsWith(`${SESSION_COOKIE}=ey`))).toBe(true);
  });

  it.each([
    ["banned", (id: string) => db.user.update({ where: { id }, data: { standing: "BANNED" } })],
    ["signed out everywhere", (id: string) => signOutEverywhere(id)],
    ["after a password change", (id: string) => changePassword(id, "a long enough password", "another long password")],
    ["deleted", (id: string) => db.user.update({ where: { id }, data: { deletedAt: new Date() } })],
  ])("answers signed out and deletes the cookie when %s", async (_case, end) => {
    const { reader, jar } = await signedIn();
    await end(reader.id);
    const answer = await session(jar);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({});
    expect(clearsSessionCookie(answer.setCookies)).toBe(true);
    expect(answer.setCookies.some((line) => line.startsWith(`${SESSION_COOKIE}=ey`))).toBe(false);
    expect(jar.get(SESSION_COOKIE)).toBeUndefined();
  });

  it("does the same for the POST that updates a session", async () => {
    const { reader, jar } = await signedIn();
    await db.user.update({ where: { id: reader.id }, data: { standing: "BANNED" } });
    const token = await csrfToken(jar);
    const response = await callAuth("session", { method: "POST", jar, body: new URLSearchParams({ csrfToken: token }).toString(), contentType: "application/x-www-form-urlencoded" });
    expect(await response.json()).toEqual({});
    expect(clearsSessionCookie(response.headers.getSetCookie())).toBe(true);
  });

  it("answers signed out for a token signed with another secret, and for none at all", async () => {
    const jar = new CookieJar();
    jar.set(SESSION_COOKIE, await encode({ token: { uid: "someone", sv: 0 }, secret: "a different secret entirely" }));
    const forged = await session(jar);
    expect(forged.body).toEqual({});
    expect(clearsSessionCookie(forged.setCookies)).toBe(true);
    expect((await session(new CookieJar())).body).toEqual({});
  });
});
