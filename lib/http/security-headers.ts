/**
 * The Content-Security-Policy for a page: scripts only with this request's
 * nonce (and what they load, via 'strict-dynamic'), no plugins, no <base>
 * rewriting, no framing, forms only to this site. Styles allow inline
 * attributes because React renders style props; user text never becomes
 * markup (it is sanitised), so that does not open a script path. Development
 * adds 'unsafe-eval', which React's dev tooling needs.
 */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    // OAuth sign-in posts a form that redirects to the provider.
    "form-action 'self' https://github.com https://accounts.google.com",
  ].join("; ");
}

/** Headers every response carries besides the CSP. */
export const SECURITY_HEADERS = {
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
} as const;

/**
 * Strict-Transport-Security for a site served over https: browsers then
 * refuse plain http to it for two years (the value hstspreload.org asks for).
 * Without includeSubDomains: Glossa may live on one name of a domain whose
 * other hosts it does not control.
 */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000";

/**
 * The security headers for a page, given the site's public URL: HSTS is added
 * only when that URL is https, so a local http instance never pins a host
 * name (localhost) to https for every other project on it.
 */
export function securityHeaders(publicUrl: string | undefined): Record<string, string> {
  const https = publicUrl?.startsWith("https://") ?? false;
  return { ...SECURITY_HEADERS, ...(https ? { "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY } : {}) };
}
