import { percentile, sampleGets, timeGet, watchRss } from "./measure";
import type { AppInstance } from "./faults-app";
import { inWaves, loopbackAddress, openStream, type StreamAttempt } from "./faults-streams";
import type { Report } from "./faults-report";

/** Streams held idle at once: the figure the issue sets for one instance. */
const IDLE_STREAMS = 5_000;
/** Streams attempted in all, past the instance's cap. */
const ATTEMPTED_STREAMS = 20_000;
/** Attempts for essays that do not exist (half the probe's flood was made of them). */
const UNKNOWN_ESSAY_ATTEMPTS = 2_000;
/** Source addresses for the first 5,000 (31 or 32 each, under the per-client cap of 32). */
const IDLE_CLIENTS = 160;
/** Connections opening at once: waves rather than one SYN burst past the listen backlog. */
const WAVE = 200;
const SAMPLES = 200;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

function countStatuses(attempts: readonly StreamAttempt[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const attempt of attempts) counts.set(attempt.status, (counts.get(attempt.status) ?? 0) + 1);
  return counts;
}

const describeStatuses = (counts: Map<number, number>) =>
  [...counts]
    .sort(([a], [b]) => a - b)
    .map(([status, count]) => `${status || "no answer"}: ${count.toLocaleString("en")}`)
    .join(", ");

/** The server's memory after a full collection (what is live), after a moment for closing sockets to be noticed. */
async function settledMemory(app: AppInstance): Promise<{ rss: number; heapUsed: number }> {
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const memory = await app.collect();
  return { rss: memory?.rss ?? Number.NaN, heapUsed: memory?.heapUsed ?? Number.NaN };
}

/** Sequential GETs of `url` until `done()`; their total times. */
async function sampleWhile(url: string, done: () => boolean): Promise<{ times: number[]; failures: number }> {
  const times: number[] = [];
  let failures = 0;
  for (let run = 0; run < 100_000 && !done(); run++) {
    try {
      const sample = await timeGet(url);
      if (sample.status === 200) times.push(sample.total);
      else failures += 1;
    } catch {
      failures += 1;
    }
  }
  return { times, failures };
}

/**
 * (a) The stream flood, against one production instance: 5,000 idle
 * streams held open (RSS, heap and the discussion request's latency beside
 * its idle figure), then attempts up to 20,000 (and 2,000 for essays that do
 * not exist), counting 404s and 503s, with the discussion request timed
 * while they arrive and once they are all held.
 */
export async function streamFlood(app: AppInstance, port: number, essayId: string, report: Report): Promise<void> {
  console.log(
    `\n▶ (a) stream flood: ${IDLE_STREAMS.toLocaleString("en")} idle streams, then ${ATTEMPTED_STREAMS.toLocaleString("en")} attempted (and ${UNKNOWN_ESSAY_ATTEMPTS.toLocaleString("en")} for unknown essays)`,
  );
  const discussion = `${app.base}/api/essays/${essayId}/discussion`;
  const streamPath = `/api/essays/${essayId}/events`;
  const held: StreamAttempt[] = [];
  try {
    const idle = await sampleGets(discussion, SAMPLES, 30);
    const before = await settledMemory(app);
    report("idle: discussion request p50 / p95", `${ms(idle.totalP50)} / ${ms(idle.totalP95)}`);
    report("idle: server RSS / heap used", `${mb(before.rss)} / ${mb(before.heapUsed)}`);

    const rss = watchRss([app.child.pid!]);
    const opening = performance.now();
    const first = await inWaves(IDLE_STREAMS, WAVE, (index) => openStream(port, streamPath, loopbackAddress(index % IDLE_CLIENTS)));
    const openedIn = performance.now() - opening;
    held.push(...first.filter((attempt) => attempt.socket));
    report(
      `${IDLE_STREAMS.toLocaleString("en")} streams from ${IDLE_CLIENTS} addresses: answers`,
      `${describeStatuses(countStatuses(first))} in ${(openedIn / 1000).toFixed(1)} s`,
      `${IDLE_STREAMS.toLocaleString("en")} × 200`,
      held.length === IDLE_STREAMS,
    );
    const loaded = await settledMemory(app);
    report(`RSS with ${held.length.toLocaleString("en")} idle streams`, mb(loaded.rss), "≤ 400 MB", loaded.rss <= 400 * 1024 * 1024);
    report("memory per idle stream: RSS / heap", `${((loaded.rss - before.rss) / held.length / 1024).toFixed(1)} KB / ${((loaded.heapUsed - before.heapUsed) / held.length / 1024).toFixed(1)} KB`);
    const withIdle = await sampleGets(discussion, SAMPLES, 10);
    const idleRatio = withIdle.totalP95 / idle.totalP95;
    report(`discussion request p50 / p95 with ${held.length.toLocaleString("en")} idle streams`, `${ms(withIdle.totalP50)} / ${ms(withIdle.totalP95)} (p95 ${idleRatio.toFixed(2)}× idle)`);

    // The rest of the flood from other addresses (24 each: the instance's cap refuses them, not the per-client one), timed from the side.
    let flooding = true;
    const during = sampleWhile(discussion, () => !flooding);
    const more = ATTEMPTED_STREAMS - IDLE_STREAMS;
    const extra = await inWaves(more, WAVE, (index) => openStream(port, streamPath, loopbackAddress(IDLE_CLIENTS + (index % 625))));
    const unknown = await inWaves(UNKNOWN_ESSAY_ATTEMPTS, WAVE, (index) => openStream(port, `/api/essays/made-up-essay-${index}/events`, loopbackAddress(IDLE_CLIENTS + 625 + (index % 200))));
    flooding = false;
    const sampled = await during;
    held.push(...extra.filter((attempt) => attempt.socket));
    const statuses = countStatuses([...first, ...extra]);
    report(`${ATTEMPTED_STREAMS.toLocaleString("en")} attempted: answers`, describeStatuses(statuses));
    report(
      "503 answers carrying Retry-After",
      `${extra.filter((attempt) => attempt.status === 503 && attempt.retryAfter).length.toLocaleString("en")} of ${(statuses.get(503) ?? 0).toLocaleString("en")}`,
    );
    report(
      `${UNKNOWN_ESSAY_ATTEMPTS.toLocaleString("en")} for unknown essays: answers`,
      describeStatuses(countStatuses(unknown)),
      "all 404",
      (countStatuses(unknown).get(404) ?? 0) === UNKNOWN_ESSAY_ATTEMPTS,
    );
    const duringP95 = percentile(sampled.times, 95);
    report(
      "discussion request while the flood arrives: p50 / p95",
      `${ms(percentile(sampled.times, 50))} / ${ms(duringP95)} (${sampled.times.length} samples, ${sampled.failures} failed; p95 ${(duringP95 / idle.totalP95).toFixed(2)}× idle)`,
    );
    const after = await sampleGets(discussion, SAMPLES, 10);
    const ratio = after.totalP95 / idle.totalP95;
    report(`discussion request p50 / p95 with ${held.length.toLocaleString("en")} streams held after the flood`, `${ms(after.totalP50)} / ${ms(after.totalP95)}`);
    report("…its p95 against idle", `${ratio.toFixed(2)}×`, "≤ 2×", ratio <= 2);
    const [peak] = rss.stop();
    const memory = app.memory();
    report("process alive after the flood", app.alive() ? "yes" : `no (exit ${app.child.signalCode ?? app.child.exitCode})`, "yes", app.alive());
    report("RSS peak during the flood / heap used with every admitted stream held", `${peak!.toFixed(0)} MB / ${memory ? mb(memory.heapUsed) : "?"}`);
  } finally {
    for (const attempt of held) attempt.socket?.destroy();
  }
  // Every seat is given back: after the flood a new client is admitted at once.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  const again = await openStream(port, streamPath, loopbackAddress(0));
  again.socket?.destroy();
  const released = await settledMemory(app);
  report("after every stream closed: a new stream / RSS / heap", `${again.status} / ${mb(released.rss)} / ${mb(released.heapUsed)}`, "200", again.status === 200);
}
