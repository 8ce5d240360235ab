import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { authSecret, useSecureCookies } from "./config";

/**
 * Device cookies (OWASP's "Slow brute force attacks: device cookies"): a
 * browser that has signed in to an account with its password gets a signed
 * cookie naming that account. Later sign-ins to the same account from that
 * browser are counted against the device's own limit instead of the
 * account's, so an attacker who exhausts the account's limit from other
 * addresses no longer locks its owner out.
 *
 * The cookie grants nothing by itself: it changes which counter an attempt
 * uses, and a password is still required. It is bound to the account by an
 * HMAC over the email, so it does not carry the email and cannot be moved to
 * another account; it is sent only to the password sign-in endpoint.
 */
export const DEVICE_COOKIE = `${useSecureCookies ? "__Secure-" : ""}glossa.device`;

/** The only path browsers send the cookie to. */
export const DEVICE_COOKIE_PATH = "/api/auth/callback/credentials";

/** How long a device stays trusted after its last password sign-in. */
export const DEVICE_COOKIE_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

const VERSION = "d1";

function signature(payload: string, email: string): Buffer {
  return createHmac("sha256", authSecret()).update(`glossa device cookie\0${payload}\0${email}`).digest();
}

/** A trusted device, as its cookie identifies it. */
export interface TrustedDevice {
  /** Random per cookie: the key of the device's own sign-in limit. */
  id: string;
}

/** A fresh device cookie value for `email` (already normalised: trimmed, lower case). */
export function issueDeviceCookie(email: string, now = Date.now()): string {
  const payload = `${VERSION}.${Math.floor(now / 1000).toString(36)}.${randomBytes(16).toString("base64url")}`;
  return `${payload}.${signature(payload, email).toString("base64url")}`;
}

/**
 * The device a cookie value identifies, when it was issued for `email` by
 * this server (same secret) within the last 180 days; null for a missing,
 * tampered, expired or other account's cookie.
 */
export function verifyDeviceCookie(value: string | undefined, email: string, now = Date.now()): TrustedDevice | null {
  if (!value || !email || value.length > 200) return null;
  const parts = value.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION) return null;
  const [, issuedAt, nonce, mac] = parts as [string, string, string, string];
  const given = Buffer.from(mac, "base64url");
  const expected = signature(`${VERSION}.${issuedAt}.${nonce}`, email);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const issuedSeconds = Number.parseInt(issuedAt, 36);
  const ageSeconds = now / 1000 - issuedSeconds;
  if (!Number.isFinite(issuedSeconds) || ageSeconds > DEVICE_COOKIE_MAX_AGE_SECONDS || ageSeconds < -300) return null;
  return { id: nonce };
}

/** The Set-Cookie header value that stores a device cookie. */
export function deviceCookieHeader(value: string): string {
  return [`${DEVICE_COOKIE}=${value}`, `Path=${DEVICE_COOKIE_PATH}`, `Max-Age=${DEVICE_COOKIE_MAX_AGE_SECONDS}`, "HttpOnly", "SameSite=Strict", ...(useSecureCookies ? ["Secure"] : [])].join("; ");
}
