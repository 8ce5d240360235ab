import { serverEnv } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { publicOrigin } from "./public-origin";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses a state-changing request that did not come from Glossa's own
 * pages: the Origin header must name this site (an opaque "null" origin is
 * refused), or, where a browser sent no Origin, Sec-Fetch-Site must say
 * same-origin. A request with neither (curl, scripts) is allowed: it carries
 * no victim's cookies unless its author has them. Content type is irrelevant:
 * a text/plain "simple request" is checked like any other.
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get("origin");
  const fetchSite = request.headers.get("sec-fetch-site");
  if (origin !== null) {
    if (origin === "null" || !allowedOrigins(request).has(origin)) throw crossOrigin();
    return;
  }
  if (fetchSite !== null && fetchSite !== "same-origin" && fetchSite !== "none") throw crossOrigin();
}

function crossOrigin(): AppError {
  return new AppError("FORBIDDEN", "This request came from another site and was refused. Use Glossa's own pages to make changes.");
}

/**
 * This site's origins: the one the client addressed (the Host header, or what
 * a trusted proxy forwarded: X-Forwarded-Host/-Proto count only with
 * TRUST_PROXY ≥ 1, see lib/http/public-origin.ts) and NEXTAUTH_URL's.
 */
function allowedOrigins(request: Request): Set<string> {
  const origins = new Set<string>([publicOrigin(request)]);
  const configured = serverEnv().NEXTAUTH_URL;
  if (configured) origins.add(new URL(configured).origin);
  return origins;
}
