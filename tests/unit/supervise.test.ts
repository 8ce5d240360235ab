import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { nextRestartDelay, supervise } from "../../scripts/lib/supervise";

describe("restart backoff", () => {
  it("doubles from 1 s to a 30 s ceiling while the server keeps dying quickly", () => {
    const delays: number[] = [];
    let delay = 0;
    for (let crash = 0; crash < 8; crash++) delays.push((delay = nextRestartDelay(delay, 5_000)));
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
  });

  it("starts again from 1 s after a run of a minute or more", () => {
    expect(nextRestartDelay(30_000, 60_000)).toBe(1_000);
    expect(nextRestartDelay(30_000, 59_000)).toBe(30_000);
  });
});

describe("supervise", () => {
  const backoff = { initialMs: 20, maxMs: 80, healthyAfterMs: 10_000 };
  // These children die at once, which on a first launch means a startup error; here they stand for crashes later on.
  const startupGraceMs = 0;

  it("restarts a child that dies, until stopped, then stops it with the signal", async () => {
    let starts = 0;
    const log: string[] = [];
    const supervisor = supervise({
      // The first two die at once (as with an out-of-memory abort); the third keeps running.
      start: () => spawn(process.execPath, ["-e", ++starts < 3 ? "process.abort()" : "setInterval(() => {}, 1000)"]),
      log: (message) => log.push(message),
      backoff,
      startupGraceMs,
    });
    while (starts < 3) await new Promise((resolve) => setTimeout(resolve, 10));
    supervisor.stop("SIGTERM");
    expect(await supervisor.stopped).toBe("stopped");
    expect(starts).toBe(3);
    expect(log).toHaveLength(2);
    expect(log[0]).toMatch(/aborted \(SIGABRT, exit code 134: out of memory or a fatal error\) after \d+ s; restarting it in 0.02 s/);
    expect(log[1]).toMatch(/restarting it in 0.04 s/);
  });

  it("stops at once when the child is down and waiting for its restart", async () => {
    let starts = 0;
    const supervisor = supervise({ start: () => (starts++, spawn(process.execPath, ["-e", "process.exit(3)"])), log: () => {}, backoff: { ...backoff, initialMs: 60_000 }, startupGraceMs });
    await new Promise((resolve) => setTimeout(resolve, 300));
    supervisor.stop("SIGINT");
    await supervisor.stopped;
    expect(starts).toBe(1);
  });

  it("kills a child that ignores the stop signal once the stop timeout passes", async () => {
    const supervisor = supervise({
      start: () => spawn(process.execPath, ["-e", "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000)"]),
      log: () => {},
      backoff,
      stopTimeoutMs: 200,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    supervisor.stop("SIGTERM");
    await supervisor.stopped;
    expect(Date.now() - started).toBeGreaterThanOrEqual(150);
  });

  it("does not restart a first launch that fails at once, and says so", async () => {
    let starts = 0;
    const log: string[] = [];
    const supervisor = supervise({ start: () => (starts++, spawn(process.execPath, ["-e", "process.exit(1)"])), log: (message) => log.push(message), backoff });
    expect(await supervisor.stopped).toBe("failed-at-startup");
    expect(starts).toBe(1);
    expect(log[0]).toMatch(/exited with code 1 0 s after it was started; not restarting it/);
  });
});
