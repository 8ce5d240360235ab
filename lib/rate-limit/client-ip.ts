/**
 * The client's IP for rate limiting. `next start` fills X-Forwarded-For with
 * the socket's address when a request arrives without one; behind a reverse
 * proxy (TRUST_PROXY=1) the last entry is the address the proxy saw. A client
 * that forges the header directly can evade the per-IP limits but never the
 * per-account ones.
 */
export function clientIp(headers: Headers): string {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const address = process.env.TRUST_PROXY === "1" ? entries.at(-1) : entries[0];
  return address || headers.get("x-real-ip")?.trim() || "unknown";
}
