import { describe, expect, it } from "vitest";
import { backoffDelay, FIRST_BACKOFF_MS, MAX_BACKOFF_MS } from "@/lib/live/listener";
import { clientKey, StreamGate } from "@/lib/live/stream-gate";

describe("the listener's backoff", () => {
  it("starts at about a second, doubles, and stays at 30 s however long the outage, with jitter in the upper half", () => {
    const ceilings = [1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000];
    ceilings.forEach((ceiling, failures) => {
      expect(backoffDelay(failures, 0)).toBe(ceiling / 2);
      expect(backoffDelay(failures, 1)).toBe(ceiling);
    });
    expect(backoffDelay(1_000, 0.5)).toBeLessThanOrEqual(MAX_BACKOFF_MS);
    expect(backoffDelay(0, 0.5)).toBeGreaterThanOrEqual(FIRST_BACKOFF_MS / 2);
  });
});

describe("the stream gate", () => {
  it("counts an IPv6 client by its /64, and an IPv4-mapped address as IPv4", () => {
    expect(clientKey("2001:db8:1:2:aaaa::1")).toBe(clientKey("2001:db8:1:2:ffff:ffff:ffff:ffff"));
    expect(clientKey("2001:db8:1:2::1")).not.toBe(clientKey("2001:db8:1:3::1"));
    expect(clientKey("2001:0db8:0001:0002::1")).toBe("2001:db8:1:2::/64");
    expect(clientKey("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(clientKey("192.0.2.7")).toBe("192.0.2.7");
  });

  it("refuses past either cap, counts seats, and takes a release once", () => {
    const gate = new StreamGate({ perClient: 2, global: 5 });
    const first = gate.admit("192.0.2.1");
    const second = gate.admit("192.0.2.1");
    expect(gate.admit("192.0.2.1")).toMatchObject({ admitted: false, reason: "client" });
    const heavy = gate.admit("192.0.2.2", 3);
    expect(gate.count()).toBe(5);
    expect(gate.admit("192.0.2.3")).toMatchObject({ admitted: false, reason: "global", retryAfterSeconds: expect.any(Number) });
    if (!first.admitted || !second.admitted || !heavy.admitted) throw new Error("admitted above");
    first.ticket.release();
    first.ticket.release();
    expect(gate.count()).toBe(4);
    expect(gate.count("192.0.2.1")).toBe(1);
    heavy.ticket.release();
    second.ticket.release();
    expect(gate.count()).toBe(0);
  });
});
