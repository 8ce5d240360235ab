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
  const { NEXTAUTH_URL, NODE_ENV } = serverEnv();
  if (NEXTAUTH_URL) return new URL(NEXTAUTH_URL).origin;
  if (NODE_ENV !== "production") return publicOrigin(request);
  throw new AppError("UNAVAILABLE", "Glossa cannot send links by mail until NEXTAUTH_URL says its address; tell the site's administrator.", { retryAfterSeconds: 3_600 });
}
