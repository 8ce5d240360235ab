/** The comma-separated entries of a forwarding header (X-Forwarded-For, -Host, -Proto), trimmed, empty ones dropped. */
export function headerEntries(value: string | null): string[] {
  return (value ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/**
 * The entry a chain of `hops` trusted proxies vouches for: each proxy appends
 * what it saw, so the N-th from the right was written by the outermost one,
 * and anything further left is the client's own claim. With fewer entries
 * than hops, the leftmost (the furthest any proxy saw).
 */
export function trustedEntry(value: string | null, hops: number): string | undefined {
  const entries = headerEntries(value);
  return entries.at(-hops) ?? entries[0];
}
