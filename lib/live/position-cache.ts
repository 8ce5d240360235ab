import "server-only";

/**
 * Reads that depend only on an essay's public state as of an event
 * position: a read made when the log's newest event was P is reused while
 * it still is, for at most `ttlMs`, and the reads of one position are
 * shared by every request that asks meanwhile. Comments, votes, moderation
 * and public highlights write events, so after any of them the position is
 * newer and the read fresh. The TTL bounds what is left: a write that took
 * its event id before P but committed after the read (transactions idle at
 * most 5 s, lib/db/pool.ts), and changes that write no event (an author's
 * new display name).
 * For signed-out readers only: what a signed-in reader sees also depends on
 * them, and their private highlights write no event.
 */
export class PositionCache<Value> {
  private readonly entries = new Map<string, { position: number; at: number; value: Promise<Value> }>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
  ) {}

  /** The value of `key` as of `position`: the read in store, or `load()`'s. A failed read is forgotten. */
  read(key: string, position: number, load: () => Promise<Value>, now = Date.now()): Promise<Value> {
    const hit = this.entries.get(key);
    this.entries.delete(key);
    if (hit && hit.position === position && now - hit.at < this.ttlMs) {
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = load();
    this.entries.set(key, { position, at: now, value });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }
}
