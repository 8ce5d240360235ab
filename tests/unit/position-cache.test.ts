import { describe, expect, it } from "vitest";
import { PositionCache } from "@/lib/live/position-cache";

describe("PositionCache", () => {
  it("reuses a read for the same position within the TTL, and reads again for a newer position or after it", async () => {
    const cache = new PositionCache<number>(10, 5_000);
    let reads = 0;
    const load = async () => ++reads;
    expect(await cache.read("essay", 7, load, 0)).toBe(1);
    expect(await cache.read("essay", 7, load, 4_999)).toBe(1);
    expect(await cache.read("essay", 8, load, 5_000)).toBe(2);
    expect(await cache.read("essay", 8, load, 10_000)).toBe(3);
    expect(await cache.read("other", 8, load, 10_000)).toBe(4);
  });

  it("shares one read among requests that ask while it runs, and forgets a failed one", async () => {
    const cache = new PositionCache<string>(10, 5_000);
    let reads = 0;
    const first = cache.read("essay", 1, async () => (reads++, "a"), 0);
    const second = cache.read("essay", 1, async () => (reads++, "b"), 1);
    expect([await first, await second]).toEqual(["a", "a"]);
    expect(reads).toBe(1);
    await expect(cache.read("broken", 1, () => Promise.reject(new Error("away")), 0)).rejects.toThrow("away");
    await Promise.resolve();
    expect(await cache.read("broken", 1, async () => "back", 1)).toBe("back");
  });

  it("keeps at most its number of entries, dropping the least recently read", async () => {
    const cache = new PositionCache<string>(2, 60_000);
    await cache.read("a", 1, async () => "a1", 0);
    await cache.read("b", 1, async () => "b1", 0);
    await cache.read("a", 1, async () => "a2", 1);
    await cache.read("c", 1, async () => "c1", 2);
    expect(await cache.read("a", 1, async () => "a3", 3)).toBe("a1");
    expect(await cache.read("b", 1, async () => "b2", 3)).toBe("b2");
  });
});
