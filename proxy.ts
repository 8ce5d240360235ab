import { NextResponse, type NextRequest } from "next/server";
import { serverEnv } from "@/lib/env";
import { contentSecurityPolicy, securityHeaders } from "@/lib/http/security-headers";

/**
 * Runs before every page (API routes get fixed headers from next.config.js
 * instead): a fresh CSP nonce per request (Next reads it from
 * the request's Content-Security-Policy header and puts it on its own
 * scripts), plus the security headers (HSTS when NEXTAUTH_URL is https).
 * Authorisation is not done here: every write checks the account itself
 * (lib/auth), so this is never the only guard.
 */
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  for (const [name, value] of Object.entries(securityHeaders(serverEnv().NEXTAUTH_URL))) response.headers.set(name, value);
  return response;
}

export const config = {
  matcher: [{ source: "/((?!api/|_next/static|_next/image|favicon.ico).*)" }],
};
