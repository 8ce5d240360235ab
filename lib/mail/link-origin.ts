import "server-only";
import { serverEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { publicOrigin } from "@/lib/http/public-origin";

/**
 * The origin that links in mail point at: NEXTAUTH_URL's. Never the
 * request's Host in production: anyone can send a Host header, and a reset
 * link built on it would carry the token to their server. The local start
 * (no NEXTAUTH_URL, not production) uses the address the browser used.
 */
export function mailLinkOrigin(request: Request): string {
  const origin = configuredMailLinkOrigin(request);
  if (origin) return origin;
  throw new AppError("UNAVAILABLE", "Glossa cannot send links by mail until NEXTAUTH_URL says its address; tell the site's administrator.", { retryAfterSeconds: 3_600 });
}

/** As `mailLinkOrigin`, or null where it would refuse: for a request that mails a link only by the way (sign-up), and still succeeds without it. */
export function configuredMailLinkOrigin(request: Request): string | null {
  const { NEXTAUTH_URL, NODE_ENV } = serverEnv();
  if (NEXTAUTH_URL) return new URL(NEXTAUTH_URL).origin;
  return NODE_ENV !== "production" ? publicOrigin(request) : null;
}

/**
 * The origin of links in mail the worker writes (notifications, digests),
 * with no request to read it from: NEXTAUTH_URL's, or outside production
 * this machine at PORT. Null in production without NEXTAUTH_URL: the
 * mailer then waits rather than mail links to an address it guessed.
 */
export function workerLinkOrigin(): string | null {
  const { NEXTAUTH_URL, NODE_ENV, PORT } = serverEnv();
  if (NEXTAUTH_URL) return new URL(NEXTAUTH_URL).origin;
  return NODE_ENV === "production" ? null : `http://localhost:${PORT}`;
}
