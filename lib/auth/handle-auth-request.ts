import "server-only";
import type { NextApiRequest, NextApiResponse } from "next";
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/respond";
import { publicOrigin } from "@/lib/http/public-origin";
import { assertSameOrigin } from "@/lib/http/same-origin";
import { SOCKET_PEER_HEADER } from "@/lib/http/socket-peer";
import { clientIp } from "@/lib/rate-limit/client-ip";
import type { AuthenticatedUser } from "./authenticate";
import { SESSION_COOKIE, useSecureCookies } from "./config";
import { DEVICE_COOKIE, deviceCookieHeader, issueDeviceCookie, verifyDeviceCookie } from "./device-cookie";
import { guardSignIn, recordSignInSuccess } from "./guard-sign-in";
import { authOptions, type AuthHooks } from "./options";
import { issueSanctionToken, sanctionCookieHeader } from "./sanction-token";
import { attemptedEmail, readAuthBody, type AuthBody } from "./read-auth-body";
import { decodeSessionToken, viewerFromToken } from "./viewer";

// next-auth v4 builds every URL it answers with (redirects, `{"url": …}`) on
// NEXTAUTH_URL, else, only when AUTH_TRUST_HOST is set, on the Host and
// X-Forwarded-Proto headers it is handed, else on http://localhost:3000
// whatever the port (node_modules/next-auth/utils/detect-origin.js,
// parse-url.js). It is handed headers only here, rebuilt from
// publicOrigin(), which believes forwarding headers only behind a trusted
// proxy; so trusting "the host" means trusting that.
process.env.AUTH_TRUST_HOST ??= "true";

/**
 * What next-auth's Pages-Router adapter writes to: recorded, then turned
 * into a Response. That adapter takes the body already parsed, which is the
 * point: the body the rate limit counted is the body next-auth uses.
 */
class RecordedResponse {
  private statusCode = 200;
  private readonly headers = new Map<string, string | string[]>();
  private body: string | null = null;

  status(code: number): this {
    this.statusCode = code;
    return this;
  }

  setHeader(name: string, value: string | string[]): this {
    this.headers.set(name.toLowerCase(), value);
    return this;
  }

  getHeader(name: string): string | string[] | undefined {
    return this.headers.get(name.toLowerCase());
  }

  json(value: unknown): void {
    this.setHeader("content-type", "application/json");
    this.body = JSON.stringify(value);
  }

  send(value: unknown): void {
    if (value === undefined || value === null) this.body = null;
    else if (typeof value === "string") this.body = value;
    else this.json(value);
  }

  end(): void {}

  toResponse(): Response {
    const headers = new Headers({ "cache-control": "private, no-store" });
    for (const [name, value] of this.headers) {
      for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
    }
    return new Response(this.body, { status: this.statusCode, headers });
  }
}

/** The request headers next-auth sees: the client's, with the host and protocol replaced by the origin Glossa believes. */
function headersForNextAuth(request: Request): Record<string, string> {
  const headers = Object.fromEntries(request.headers);
  const origin = new URL(publicOrigin(request));
  delete headers["x-forwarded-host"];
  delete headers[SOCKET_PEER_HEADER];
  headers.host = origin.host;
  headers["x-forwarded-proto"] = origin.protocol.slice(0, -1);
  return headers;
}

/** The session token a request carries, whole or in next-auth's numbered chunks. */
function sessionTokenOf(request: NextRequest): { value: string | undefined; names: string[] } {
  const whole = request.cookies.get(SESSION_COOKIE)?.value;
  const chunks = request.cookies
    .getAll()
    .filter((cookie) => cookie.name.startsWith(`${SESSION_COOKIE}.`))
    .sort((a, b) => Number(a.name.slice(SESSION_COOKIE.length + 1)) - Number(b.name.slice(SESSION_COOKIE.length + 1)));
  const names = [...(whole === undefined ? [] : [SESSION_COOKIE]), ...chunks.map((chunk) => chunk.name)];
  return { value: whole ?? (chunks.length ? chunks.map((chunk) => chunk.value).join("") : undefined), names };
}

/**
 * `/api/auth/session` for a token whose account may no longer use it
 * (banned, deleted, signed out everywhere, password changed, or a token that
 * does not decode): next-auth would answer with the session and refresh the
 * cookie for another 30 days, because it only checks the signature. Answer
 * as signed out and delete the cookie. null when the token is fine (or
 * absent), for next-auth to answer.
 */
async function endedSession(request: NextRequest): Promise<Response | null> {
  const { value, names } = sessionTokenOf(request);
  if (value === undefined) return null;
  if (await viewerFromToken(await decodeSessionToken(value))) return null;
  const headers = new Headers({ "content-type": "application/json", "cache-control": "private, no-store" });
  for (const name of names) headers.append("set-cookie", expiredCookie(name));
  return new Response("{}", { status: 200, headers });
}

/** A Set-Cookie value that deletes a session cookie (or one of its chunks). */
function expiredCookie(name: string): string {
  return `${name}=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Lax${useSecureCookies ? "; Secure" : ""}`;
}

async function runNextAuth(request: NextRequest, segments: string[], body: AuthBody | undefined, hooks: AuthHooks = {}): Promise<Response> {
  const req = {
    method: request.method,
    query: { ...Object.fromEntries(request.nextUrl.searchParams), nextauth: segments },
    body,
    cookies: Object.fromEntries(request.cookies.getAll().map((cookie) => [cookie.name, cookie.value])),
    headers: headersForNextAuth(request),
  };
  const res = new RecordedResponse();
  await NextAuth(req as unknown as NextApiRequest, res as unknown as NextApiResponse, authOptions(hooks));
  return res.toResponse();
}

/**
 * The answer to a banned account's sign-in with the right password: no
 * session, but a distinct code (BANNED, 403) and the ban notice's cookie, so
 * the browser can show the reader what happened, why, and how to appeal
 * (/sanction) instead of "that email and password do not match".
 */
function bannedAnswer(request: NextRequest, userId: string): Response {
  const response = errorResponse(new AppError("BANNED", "This account is banned. You can read why and appeal."), "auth");
  response.headers.set("cache-control", "private, no-store");
  response.headers.append("set-cookie", sanctionCookieHeader(issueSanctionToken(userId)));
  // A session the ban ended may still be in the browser: it goes now, so nothing claims the reader is signed in.
  for (const name of sessionTokenOf(request).names) response.headers.append("set-cookie", expiredCookie(name));
  return response;
}

/**
 * Everything under /api/auth, in front of next-auth:
 *
 * - POST bodies are read once (lib/auth/read-auth-body.ts) and that object
 *   is what next-auth gets, after the origin check;
 * - a password sign-in is counted against the email in that body
 *   (lib/auth/guard-sign-in.ts) before the password is checked, and on
 *   success the browser gets a device cookie for the account;
 * - a banned account's right password is answered with the ban notice
 *   (`bannedAnswer`), never with a session;
 * - the session endpoint answers signed out for sessions the account no
 *   longer honours;
 * - next-auth's URLs follow the host and port the client used.
 */
export async function handleAuthRequest(request: NextRequest, segments: string[]): Promise<Response> {
  try {
    const [action, providerId] = segments;
    let body: AuthBody | undefined;
    if (request.method === "POST") {
      assertSameOrigin(request);
      body = await readAuthBody(request);
    }
    if (action === "session") {
      const ended = await endedSession(request);
      if (ended) return ended;
    }
    if (request.method !== "POST" || action !== "callback" || providerId !== "credentials") {
      return await runNextAuth(request, segments, body);
    }

    const email = attemptedEmail(body!);
    const device = verifyDeviceCookie(request.cookies.get(DEVICE_COOKIE)?.value, email);
    await guardSignIn({ email, ip: clientIp(request.headers), device });
    let signedIn: AuthenticatedUser | null = null;
    let banned: string | null = null;
    const response = await runNextAuth(request, segments, body, {
      onPasswordSignIn: (user) => {
        signedIn = user;
      },
      onBannedSignIn: (userId) => {
        banned = userId;
      },
    });
    if (banned !== null) return bannedAnswer(request, banned);
    const user = signedIn as AuthenticatedUser | null;
    if (user && response.status < 400) {
      await recordSignInSuccess(device);
      response.headers.append("set-cookie", deviceCookieHeader(issueDeviceCookie(user.email)));
    }
    return response;
  } catch (error) {
    return errorResponse(error, "auth");
  }
}
