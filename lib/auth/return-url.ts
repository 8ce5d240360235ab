const BASE = "http://glossa.invalid";

// A path that cannot leave the site: one leading slash not followed by a
// slash or backslash (browsers read a backslash as a slash), and no
// backslash, control character or whitespace anywhere (URL parsers drop tabs
// and newlines, turning "/\t/evil" into "//evil"; browsers trim spaces and
// controls from a Location).
const LOCAL_PATH = /^\/(?![/\\])[^\\\u0000-\u0020\u007f-\u00a0\u1680\u2000-\u200f\u2028\u2029\u202f\u205f\u3000\ufeff]*$/;

/**
 * Whether a resolved pathname stays local however it is read, including
 * after percent-decoding and normalising again: "/%2F%2Fevil.example",
 * "/%5Cevil.example" and "/..%2F%2Fevil.example" are harmless to a browser,
 * which does not decode them, but are refused in case anything on the way
 * does.
 */
function decodesToLocalPath(pathname: string): boolean {
  try {
    const decoded = decodeURIComponent(pathname).replaceAll(" ", "%20");
    if (!LOCAL_PATH.test(decoded)) return false;
    const again = new URL(decoded, BASE);
    return again.origin === BASE && LOCAL_PATH.test(again.pathname);
  } catch {
    return false;
  }
}

/**
 * A same-origin path to return to after signing in, or "/" for anything
 * else. Both the input and the normalised result must be local paths: a probe
 * found that checking only the input let "/..//evil.example",
 * "/.//evil.example" and "/./\evil.example" through, because resolving the
 * dot segments turns each into "//evil.example", which a browser follows to
 * another site.
 */
export function safeReturnPath(candidate: string | null | undefined): string {
  if (!candidate || typeof candidate !== "string" || candidate.length > 2048) return "/";
  if (!LOCAL_PATH.test(candidate)) return "/";
  let resolved: URL;
  try {
    resolved = new URL(candidate, BASE);
  } catch {
    return "/";
  }
  if (resolved.origin !== BASE) return "/";
  const path = `${resolved.pathname}${resolved.search}${resolved.hash}`;
  return LOCAL_PATH.test(path) && decodesToLocalPath(resolved.pathname) ? path : "/";
}

/** The sign-in page's address, returning to `path` afterwards. */
export function signInHref(path: string): string {
  return `/signin?callbackUrl=${encodeURIComponent(safeReturnPath(path))}`;
}
