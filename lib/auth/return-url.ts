/**
 * A same-origin path to return to after signing in, or "/" for anything
 * else. Only a single leading slash followed by a non-slash, non-backslash
 * character is accepted, so "//evil.example", "/\evil.example",
 * "https://evil.example" and "javascript:" can never become a redirect.
 */
export function safeReturnPath(candidate: string | null | undefined): string {
  if (!candidate || typeof candidate !== "string") return "/";
  if (!/^\/(?![/\\])/.test(candidate)) return "/";
  if (/[\u0000-\u001f\u007f]/.test(candidate)) return "/";
  try {
    const resolved = new URL(candidate, "http://glossa.invalid");
    if (resolved.origin !== "http://glossa.invalid") return "/";
    return `${resolved.pathname}${resolved.search}${resolved.hash}`;
  } catch {
    return "/";
  }
}

/** The sign-in page's address, returning to `path` afterwards. */
export function signInHref(path: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(safeReturnPath(path))}`;
}
