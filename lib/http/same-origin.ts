import { AppError } from "@/lib/errors";

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

function allowedOrigins(request: Request): Set<string> {
  const origins = new Set<string>();
  const url = new URL(request.url);
  origins.add(url.origin);
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (host) {
    const protocol = request.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
    origins.add(`${protocol}://${host}`);
  }
  if (process.env.NEXTAUTH_URL) origins.add(new URL(process.env.NEXTAUTH_URL).origin);
  return origins;
}
