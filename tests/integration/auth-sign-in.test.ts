import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { SESSION_COOKIE } from "@/lib/auth/config";
import { DEVICE_COOKIE, issueDeviceCookie } from "@/lib/auth/device-cookie";
import { disconnectDb } from "@/lib/db/client";
import { closeLimitStore } from "@/lib/rate-limit/store";
import { AUTH_ORIGIN, callAuth, CookieJar, csrfToken, freshAddress, makeReader, signInThroughRoute } from "./support/auth-client";

beforeAll(() => {
  process.env.AUTH_SECRET = "integration-test-secret-integration-test-secret";
});

beforeEach(() => {
  delete process.env.TRUST_PROXY;
  delete process.env.NEXTAUTH_URL;
});

afterAll(async () => {
  await closeLimitStore();
  await disconnectDb();
});

async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

/** Ten wrong passwords from ten addresses, as an attacker spreading a guessing run would send them. */
async function tenWrongGuesses(email: string, encoding: "form" | "json" | "mixed") {
  const statuses: number[] = [];
  for (let n = 0; n < 10; n++) {
    const use = encoding === "mixed" ? (n % 2 ? "json" : "form") : encoding;
    statuses.push((await signInThroughRoute({ email, password: `wrong guess ${n}`, encoding: use, address: freshAddress() })).status);
  }
  return statuses;
}

describe("the per-account sign-in limit counts the email next-auth authenticates", () => {
  it.each(["form", "json", "mixed"] as const)("refuses the 11th attempt on one account with 429, %s bodies, even with the right password", async (encoding) => {
    const reader = await makeReader();
    expect(await tenWrongGuesses(reader.email, encoding)).toEqual(Array(10).fill(401));
    for (const use of ["form", "json"] as const) {
      const refused = await signInThroughRoute({ email: reader.email, password: reader.password, encoding: use, address: freshAddress() });
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await errorOf(refused)).message).toMatch(/^Too many sign-in attempts for this account\. Try again in \d+ (seconds?|minutes?)\.$/);
    }
  });

  it("counts the email as next-auth looks it up: trimmed and in lower case", async () => {
    const reader = await makeReader();
    for (let n = 0; n < 10; n++) {
      const variant = n % 2 ? `  ${reader.email.toUpperCase()} ` : reader.email.replace("signin", "SignIn");
      expect((await signInThroughRoute({ email: variant, password: `wrong ${n}`, encoding: n % 3 ? "json" : "form", address: freshAddress() })).status).toBe(401);
    }
    expect((await signInThroughRoute({ email: reader.email, password: reader.password, address: freshAddress() })).status).toBe(429);
  });

  it("signs in with the right password in either encoding, on the host and port the client used", async () => {
    for (const encoding of ["form", "json"] as const) {
      const reader = await makeReader();
      const jar = new CookieJar();
      const response = await signInThroughRoute({ email: reader.email, password: reader.password, encoding, jar, address: freshAddress() });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ url: `${AUTH_ORIGIN}/` });
      expect(jar.get(SESSION_COOKIE)).toBeTruthy();
    }
  });
});

describe("bodies that could be read two ways are refused", () => {
  async function post(body: string, contentType: string | null, jar: CookieJar) {
    return callAuth("callback/credentials", { method: "POST", body, contentType, jar, address: freshAddress() });
  }

  it("refuses a repeated email, password or csrfToken with 400, in forms and JSON, and counts nothing", async () => {
    const reader = await makeReader();
    const jar = new CookieJar();
    const token = await csrfToken(jar);
    const forms = [
      [
        ["email", "decoy@example.test"],
        ["password", "guess"],
        ["email", reader.email],
        ["csrfToken", token],
      ],
      [
        ["email", reader.email],
        ["password", "one"],
        ["password", "two"],
        ["csrfToken", token],
      ],
      [
        ["email", reader.email],
        ["password", "guess"],
        ["csrfToken", token],
        ["csrfToken", token],
      ],
      [
        ["email", "decoy@example.test"],
        ["password", "guess"],
        ["%65mail", reader.email],
        ["csrfToken", token],
      ],
    ];
    for (const fields of forms) {
      const body = fields.map(([name, value]) => (name!.startsWith("%") ? `${name}=${encodeURIComponent(value!)}` : new URLSearchParams([[name!, value!]]).toString())).join("&");
      const response = await post(body, "application/x-www-form-urlencoded", jar);
      expect(response.status, body).toBe(400);
      expect((await errorOf(response)).message).toMatch(/more than once/);
    }
    const jsonBodies = [
      `{"email":"decoy@example.test","password":"guess","csrfToken":"${token}","email":"${reader.email}"}`,
      `{"email":"decoy@example.test","password":"guess","csrfToken":"${token}","\\u0065mail":"${reader.email}"}`,
      `{"email":"${reader.email}","password":"a","password":"b","csrfToken":"${token}"}`,
    ];
    for (const body of jsonBodies) {
      const response = await post(body, "application/json", jar);
      expect(response.status, body).toBe(400);
      expect((await errorOf(response)).message).toMatch(/more than once/);
    }
    // None of those reached the counter: ten wrong guesses still fit, the right password then works.
    for (let n = 0; n < 9; n++) expect((await signInThroughRoute({ email: reader.email, password: `wrong ${n}`, address: freshAddress() })).status).toBe(401);
    expect((await signInThroughRoute({ email: reader.email, password: reader.password, address: freshAddress() })).status).toBe(200);
  });

  it("refuses other content types, non-object JSON and non-text fields with 400", async () => {
    const jar = new CookieJar();
    const token = await csrfToken(jar);
    const form = `email=someone%40example.test&password=guess&csrfToken=${token}`;
    const json = JSON.stringify({ email: "someone@example.test", password: "guess", csrfToken: token });
    const cases: [string, string | null][] = [
      [form, null],
      [form, "text/plain"],
      [json, "text/plain; x=application/json"],
      [form, "multipart/form-data; boundary=x"],
      [json, "application/json-patch+json"],
      [form, "application/x-www-form-urlencoded; application/json"],
      ["[1,2]", "application/json"],
      ["null", "application/json"],
      ["{not json", "application/json"],
      [JSON.stringify({ email: ["a@example.test", "b@example.test"], password: "guess", csrfToken: token }), "application/json"],
      [JSON.stringify({ email: { toString: "x" }, password: "guess", csrfToken: token }), "application/json"],
      [JSON.stringify({ email: "someone@example.test", password: 12345678901, csrfToken: token }), "application/json"],
      [JSON.stringify({ email: "someone@example.test", password: "guess", csrfToken: token, callbackUrl: { evil: true } }), "application/json"],
    ];
    for (const [body, contentType] of cases) {
      const response = await post(body, contentType, jar);
      expect(response.status, `${contentType} ${body}`).toBe(400);
      expect((await errorOf(response)).message.length).toBeGreaterThan(10);
    }
    const huge = await post(`email=a%40example.test&password=${"x".repeat(20_000)}&csrfToken=${token}`, "application/x-www-form-urlencoded", jar);
    expect(huge.status).toBe(413);
  });

  it("still answers a cross-site sign-in with 403 before reading it", async () => {
    const response = await callAuth("callback/credentials", {
      method: "POST",
      body: "email=a%40example.test&password=x",
      contentType: "application/x-www-form-urlencoded",
      headers: { origin: "https://evil.example" },
    });
    expect(response.status).toBe(403);
  });
});

describe("a device that signed in before is not locked out by someone else's guesses", () => {
  it("lets the owner's browser in with the right password while the account's limit is exhausted; unknown browsers stay limited", async () => {
    const owner = await makeReader();
    const ownerJar = new CookieJar();
    expect((await signInThroughRoute({ email: owner.email, password: owner.password, jar: ownerJar, address: "192.0.2.10" })).status).toBe(200);
    const device = ownerJar.get(DEVICE_COOKIE);
    expect(device).toMatch(/^d1\./);

    expect(await tenWrongGuesses(owner.email, "mixed")).toEqual([...Array(9).fill(401), 429]);
    // An unknown browser, right password, yet another address: refused.
    expect((await signInThroughRoute({ email: owner.email, password: owner.password, address: freshAddress() })).status).toBe(429);
    // The owner's browser, from a new address too: in.
    const owners = new CookieJar();
    owners.set(DEVICE_COOKIE, device!);
    const signedIn = await signInThroughRoute({ email: owner.email, password: owner.password, jar: owners, address: freshAddress() });
    expect(signedIn.status).toBe(200);
    expect(owners.get(SESSION_COOKIE)).toBeTruthy();
    expect(owners.get(DEVICE_COOKIE)).not.toBe(device);
  });

  it("limits a trusted device on its own, and trusts no cookie for another account, tampered or expired", async () => {
    const owner = await makeReader();
    const other = await makeReader();
    const jar = new CookieJar();
    expect((await signInThroughRoute({ email: owner.email, password: owner.password, jar, address: freshAddress() })).status).toBe(200);
    const device = jar.get(DEVICE_COOKIE)!;

    // The device's own budget: ten wrong passwords, then 429 even for the right one from it.
    const fromDevice = () => {
      const deviceJar = new CookieJar();
      deviceJar.set(DEVICE_COOKIE, device);
      return deviceJar;
    };
    for (let n = 0; n < 10; n++) expect((await signInThroughRoute({ email: owner.email, password: `typo ${n}`, jar: fromDevice(), address: freshAddress() })).status).toBe(401);
    expect((await signInThroughRoute({ email: owner.email, password: owner.password, jar: fromDevice(), address: freshAddress() })).status).toBe(429);
    // Those did not touch the account's counter: an unknown browser still gets in.
    expect((await signInThroughRoute({ email: owner.email, password: owner.password, address: freshAddress() })).status).toBe(200);

    // Exhaust the other account, then present cookies that must not count as its device.
    await tenWrongGuesses(other.email, "form");
    const [payloadVersion, issuedAt, nonce, mac] = device.split(".");
    const forged = [
      device, // the owner's, for another account
      issueDeviceCookie(owner.email), // a fresh one, still the owner's
      `${payloadVersion}.${issuedAt}.${nonce}.${mac!.startsWith("A") ? "B" : "A"}${mac!.slice(1)}`,
      `${payloadVersion}.${issuedAt}.AAAAAAAAAAAAAAAAAAAAAA.${mac}`,
      issueDeviceCookie(other.email, Date.now() - 181 * 24 * 3600 * 1000),
      "garbage",
    ];
    for (const value of forged) {
      const forgedJar = new CookieJar();
      forgedJar.set(DEVICE_COOKIE, value);
      expect((await signInThroughRoute({ email: other.email, password: other.password, jar: forgedJar, address: freshAddress() })).status, value).toBe(429);
    }
    // A genuine, current cookie for that account does count as its device.
    const genuine = new CookieJar();
    genuine.set(DEVICE_COOKIE, issueDeviceCookie(other.email));
    expect((await signInThroughRoute({ email: other.email, password: other.password, jar: genuine, address: freshAddress() })).status).toBe(200);
  });

  it("sets the device cookie httpOnly, SameSite=Strict, for the sign-in endpoint only", async () => {
    const reader = await makeReader();
    const response = await signInThroughRoute({ email: reader.email, password: reader.password, address: freshAddress() });
    const line = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${DEVICE_COOKIE}=`));
    expect(line).toMatch(/; Path=\/api\/auth\/callback\/credentials; Max-Age=15552000; HttpOnly; SameSite=Strict/);
    const failed = await signInThroughRoute({ email: reader.email, password: "not the password", address: freshAddress() });
    expect(failed.headers.getSetCookie().some((cookie) => cookie.startsWith(`${DEVICE_COOKIE}=`))).toBe(false);
  });
});
