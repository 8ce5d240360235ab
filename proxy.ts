import { NextResponse, type NextRequest } from "next/server";
import { annotationIris } from "@/lib/annotations/web-annotation";
import { serverEnv } from "@/lib/env";
import { publicOrigin } from "@/lib/http/public-origin";
import { contentSecurityPolicy, securityHeaders } from "@/lib/http/security-headers";

// The W3C annotation protocol's IRIs: a container per essay, whose IRI ends
// in "/", and its annotations under it.
const CONTAINER = /^\/annotations\/([^/]+)\/$/;
const CONTAINER_WITHOUT_SLASH = /^\/annotations\/([^/]+)$/;
const ANNOTATION = /^\/annotations\/([^/]+)\/([^/]+)$/;
const ESSAY_PAGE = /^\/essays\/([^/]+)$/;

function withSecurityHeaders(response: NextResponse, policy: string): NextResponse {
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(securityHeaders(serverEnv().NEXTAUTH_URL))) response.headers.set(name, value);
  return response;
}

/**
 * The annotation protocol's answer for its IRIs, or null for any other
 * path: the container and its annotations are served by their API routes
 * (app/api/annotations, with the API's fixed CSP, as JSON-LD is never a
 * page); the container without its slash redirects (308, so a POST stays a
 * POST) to the IRI that has it.
 */
function annotationProtocol(request: NextRequest): NextResponse | null {
  const { pathname, search } = request.nextUrl;
  if (!pathname.startsWith("/annotations/")) return null;
  const bare = CONTAINER_WITHOUT_SLASH.exec(pathname);
  if (bare) return NextResponse.redirect(new URL(`${pathname}/${search}`, request.nextUrl), 308);
  const container = CONTAINER.exec(pathname);
  const annotation = ANNOTATION.exec(pathname);
  const target = container ? `/api/annotations/${container[1]}` : annotation ? `/api/annotations/${annotation[1]}/${annotation[2]}` : null;
  if (!target) return null;
  return withSecurityHeaders(NextResponse.rewrite(new URL(`${target}${search}`, request.nextUrl)), "default-src 'none'; frame-ancestors 'none'");
}

/** The essay's annotation container, for the `Link: …; rel="http://www.w3.org/ns/oa#annotationService"` every essay page sends. */
function annotationServiceLink(request: NextRequest): string | null {
  const essay = ESSAY_PAGE.exec(request.nextUrl.pathname);
  if (!essay) return null;
  try {
    return `<${annotationIris.container(publicOrigin(request), decodeURIComponent(essay[1]!))}>; rel="http://www.w3.org/ns/oa#annotationService"`;
  } catch {
    return null;
  }
}

/** Whether every %-escape in the path is UTF-8: Next answers 500 for one that is not (/essays/%ff, /annotations/x/%ED%A0%80). */
function decodablePath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/** The answer to a path no page or annotation could have: 400, saying so, with the API's locked-down headers. */
function malformedPath(): NextResponse {
  const response = new NextResponse("This address has a malformed %-escape (it is not UTF-8): check the link.", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
  return withSecurityHeaders(response, "default-src 'none'; frame-ancestors 'none'");
}

/**
 * Runs before every page (API routes get fixed headers from next.config.js
 * instead): a fresh CSP nonce per request (Next reads it from
 * the request's Content-Security-Policy header and puts it on its own
 * scripts), plus the security headers (HSTS when NEXTAUTH_URL is https).
 * Authorisation is not done here: every write checks the account itself
 * (lib/auth), so this is never the only guard.
 *
 * next.config.js turns Next's own trailing-slash redirect off (the
 * annotation container's IRI must keep its slash), so this does it for every
 * other path: /essays/x/ still redirects to /essays/x.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (!decodablePath(pathname)) return malformedPath();
  const protocol = annotationProtocol(request);
  if (protocol) return protocol;
  if (pathname.length > 1 && pathname.endsWith("/") && !pathname.startsWith("/annotations/")) {
    return NextResponse.redirect(new URL(`${pathname.replace(/\/+$/, "") || "/"}${search}`, request.nextUrl), 308);
  }
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), policy);
  const service = annotationServiceLink(request);
  if (service) response.headers.set("Link", service);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};
