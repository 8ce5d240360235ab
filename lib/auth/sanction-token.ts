import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret, useSecureCookies } from "./config";

/**
 * The ban notice's token. A banned account gets no session, so a banned
 * reader who signs in with the right password gets this instead: a signed,
 * short-lived cookie naming the account, which lets the browser show the ban
 * (what, why, since when) at /sanction and file an appeal, and nothing else.
 * It is issued only after the password was checked (lib/auth/authenticate.ts),
 * so nobody learns of a ban without knowing the password. It is bound to the
 * account by an HMAC with the auth secret, and lasts long enough to write an
 * appeal.
 */
export const SANCTION_COOKIE = `${useSecureCookies ? "__Secure-" : ""}glossa.sanction`;

/** How long the notice stays open after signing in. */
export const SANCTION_TOKEN_SECONDS = 30 * 60;

const VERSION = "s1";

function signature(payload: string): Buffer {
  return createHmac("sha256", authSecret()).update(`glossa sanction notice\0${payload}`).digest();
}

/** A token for `userId`, valid for SANCTION_TOKEN_SECONDS from `now`. */
export function issueSanctionToken(userId: string, now = Date.now()): string {
  const payload = `${VERSION}.${Buffer.from(userId).toString("base64url")}.${Math.floor(now / 1000 + SANCTION_TOKEN_SECONDS).toString(36)}`;
  return `${payload}.${signature(payload).toString("base64url")}`;
}

/** The account a token names, when this server signed it and it has not expired; null otherwise. */
export function verifySanctionToken(value: string | undefined, now = Date.now()): string | null {
  if (!value || value.length > 300) return null;
  const parts = value.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION) return null;
  const [, user, expires, mac] = parts as [string, string, string, string];
  // Compared as text: base64url's last character carries spare bits, so two spellings decode to the same bytes.
  const given = Buffer.from(mac);
  const expected = Buffer.from(signature(`${VERSION}.${user}.${expires}`).toString("base64url"));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const expiresSeconds = Number.parseInt(expires, 36);
  if (!Number.isFinite(expiresSeconds) || expiresSeconds * 1000 <= now) return null;
  return Buffer.from(user, "base64url").toString() || null;
}

/** The Set-Cookie value that stores a token: httpOnly (no script reads it), this site only, for the token's life. */
export function sanctionCookieHeader(token: string): string {
  return [`${SANCTION_COOKIE}=${token}`, "Path=/", `Max-Age=${SANCTION_TOKEN_SECONDS}`, "HttpOnly", "SameSite=Strict", ...(useSecureCookies ? ["Secure"] : [])].join("; ");
}

/** The token in a request's Cookie header, if any. */
export function sanctionCookieOf(request: Request): string | undefined {
  for (const part of (request.headers.get("cookie") ?? "").split(";")) {
    const separator = part.indexOf("=");
    if (separator > 0 && part.slice(0, separator).trim() === SANCTION_COOKIE) return part.slice(separator + 1).trim();
  }
  return undefined;
}
