import pg from "pg";
import { percentile } from "./measure";
import type { AppInstance } from "./faults-app";
import type { ThrowawayPostgres } from "./faults-postgres";
import type { Report } from "./faults-report";
import { listen } from "./faults-streams";

/** Concurrent posters, each pausing between comments: a steady write load, not a saturating one. */
const POSTERS = 16;
const THINK_MS = 100;
/** Each request gives up after this (a hung request is recorded as one). */
const REQUEST_TIMEOUT_MS = 20_000;
const BEFORE_MS = 5_000;
const STOPPED_MS = 10_000;
/** How long the load goes on once the database accepts connections again. */
const AFTER_MS = 20_000;
/** How often the reader asks for the discussion. */
const READ_EVERY_MS = 100;

type Phase = "before" | "stopped" | "killed" | "after";

interface Sample {
  kind: "write" | "read" | "ready";
  started: number;
  ended: number;
  status: number;
  retryAfter: boolean;
  phase: Phase;
  commentId: number | null;
  token: string | null;
}

const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(0)} ms` : "n/a");

function summarise(samples: readonly Sample[]): string {
  if (samples.length === 0) return "none";
  const statuses = new Map<string, number>();
  for (const sample of samples) {
    const key = sample.status === 0 ? "no answer" : `${sample.status}${sample.status === 503 && sample.retryAfter ? " +Retry-After" : ""}`;
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
  }
  const times = samples.map((sample) => sample.ended - sample.started);
  return `${samples.length} requests, p50 ${ms(percentile(times, 50))} / p95 ${ms(percentile(times, 95))} / max ${ms(Math.max(...times))}; ${[...statuses].map(([status, count]) => `${status}: ${count}`).join(", ")}`;
}

/**
 * (b) The database under write load: POSTERS signed-in readers post
 * comments while another reads the discussion every 100 ms and a client
 * holds the essay's event stream; the database is stopped (SIGSTOP, every
 * process) for 10 s, then killed (SIGKILL) and restarted. Prints request
 * latencies and statuses in each phase, how long ordinary requests and the
 * live stream take to recover, and acknowledged (2xx) comments against
 * those stored.
 */
export async function databaseOutage(app: AppInstance, database: ThrowawayPostgres, essayId: string, cookies: readonly string[], report: Report): Promise<void> {
  console.log(`\n▶ (b) database outage under write load: ${POSTERS} posters; SIGSTOP ${STOPPED_MS / 1000} s, then SIGKILL and restart`);
  const run = `faults-${Date.now().toString(36)}`;
  const samples: Sample[] = [];
  let phase: Phase = "before";
  let running = true;
  let next = 0;
  const stream = listen(app.base, essayId, 0);

  const timed = async (kind: Sample["kind"], url: string, init: RequestInit, token: string | null = null) => {
    const sample: Sample = { kind, started: performance.now(), ended: 0, status: 0, retryAfter: false, phase, commentId: null, token };
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
      sample.status = response.status;
      sample.retryAfter = response.headers.has("retry-after");
      const body = (await response.json().catch(() => null)) as { comment?: { id: number } } | null;
      sample.commentId = body?.comment?.id ?? null;
    } catch {
      sample.status = 0;
    }
    sample.ended = performance.now();
    samples.push(sample);
    return sample;
  };

  const posters = Array.from({ length: POSTERS }, async (_, poster) => {
    // Each comment from another reader: the one-comment-per-5-s limit never refuses one.
    for (let index = next++; running && index < cookies.length; index = next++) {
      const token = `${run}-${index}`;
      await timed(
        "write",
        `${app.base}/api/essays/${essayId}/comments`,
        {
          method: "POST",
          headers: { "content-type": "application/json", origin: app.base, cookie: cookies[index]! },
          body: JSON.stringify({ body: `${token}: poster ${poster} keeps writing through the outage.` }),
        },
        token,
      );
      await new Promise((resolve) => setTimeout(resolve, THINK_MS));
    }
  });
  const readers = [
    (async () => {
      while (running) {
        await timed("read", `${app.base}/api/essays/${essayId}/discussion`, {});
        await new Promise((resolve) => setTimeout(resolve, READ_EVERY_MS));
      }
    })(),
    (async () => {
      while (running) {
        await timed("ready", `${app.base}/api/ready`, {});
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    })(),
  ];

  await new Promise((resolve) => setTimeout(resolve, BEFORE_MS));
  phase = "stopped";
  const stoppedProcesses = database.signal("SIGSTOP");
  await new Promise((resolve) => setTimeout(resolve, STOPPED_MS));
  phase = "killed";
  const killedAt = performance.now();
  database.signal("SIGKILL");
  await database.start();
  const upAt = performance.now();
  phase = "after";
  await new Promise((resolve) => setTimeout(resolve, AFTER_MS));
  running = false;
  await Promise.all([...posters, ...readers]);
  // Let the last events arrive.
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  stream.stop();

  const by = (kind: Sample["kind"], inPhase: Phase) => samples.filter((sample) => sample.kind === kind && sample.phase === inPhase);
  report("database processes stopped, then killed", `${stoppedProcesses}; restarted and accepting ${((upAt - killedAt) / 1000).toFixed(1)} s after the kill`);
  report("process alive throughout", app.alive() ? "yes" : `no (exit ${app.child.signalCode ?? app.child.exitCode})`, "yes", app.alive());
  for (const inPhase of ["before", "stopped", "killed", "after"] as const) {
    report(
      `comment POSTs started ${inPhase === "before" ? "before the outage" : inPhase === "stopped" ? "while it was stopped" : inPhase === "killed" ? "while it was down and restarting" : "after it was back"}`,
      summarise(by("write", inPhase)),
    );
    report(`discussion GETs, same phase`, summarise(by("read", inPhase)));
  }
  const outage = samples.filter((sample) => sample.kind !== "ready" && (sample.phase === "stopped" || sample.phase === "killed"));
  const outageP95 = percentile(
    outage.map((sample) => sample.ended - sample.started),
    95,
  );
  const fast503 = outage.filter((sample) => sample.status === 503 && sample.retryAfter).length;
  report("requests during the outage: p95 latency", ms(outageP95), "≤ ~2,000 ms", outageP95 <= 2_500);
  report(
    "…answered 503 with Retry-After",
    `${fast503} of ${outage.length}`,
    "all failures",
    outage.every((sample) => (sample.status >= 200 && sample.status < 300) || (sample.status === 503 && sample.retryAfter)),
  );
  const readiness = samples.filter((sample) => sample.kind === "ready");
  report(
    "GET /api/ready answers (before / during / after)",
    ["before", "stopped", "killed", "after"].map((inPhase) => [...new Set(readiness.filter((sample) => sample.phase === inPhase).map((sample) => sample.status))].join("|") || "-").join(" / "),
  );

  // Recovery: the first success among requests started after the database accepted connections again.
  const firstOk = (kind: Sample["kind"]) =>
    samples.filter((sample) => sample.kind === kind && sample.started >= upAt && sample.status >= 200 && sample.status < 300).sort((a, b) => a.ended - b.ended)[0];
  const read = firstOk("read");
  const write = firstOk("write");
  report("recovery after the restart: first discussion GET 200 / first comment 2xx", `${read ? ms(read.ended - upAt) : "never"} / ${write ? ms(write.ended - upAt) : "never"}`);
  const failedAfter = samples.filter((sample) => sample.kind !== "ready" && sample.started >= upAt && !(sample.status >= 200 && sample.status < 300));
  report(
    "…requests started after the restart that failed",
    failedAfter.length ? `${failedAfter.length}, the last ${ms(Math.max(...failedAfter.map((sample) => sample.ended)) - upAt)} after it` : "none",
  );
  const writtenAfter = samples.filter((sample) => sample.kind === "write" && sample.started >= upAt && sample.commentId !== null).sort((a, b) => a.ended - b.ended);
  const firstLive = writtenAfter.find((sample) => stream.arrivals.has(sample.commentId!));
  const liveRecovery = firstLive ? stream.arrivals.get(firstLive.commentId!)! - upAt : Number.NaN;
  report(
    "live stream (connected throughout): first comment written after the restart arrives",
    firstLive ? `${ms(liveRecovery)} after the restart (written ${ms(firstLive.ended - upAt)} after it)` : "never",
    "arrives",
    firstLive !== undefined,
  );
  report("…comments written after the restart that arrived on it", `${writtenAfter.filter((sample) => stream.arrivals.has(sample.commentId!)).length} of ${writtenAfter.length}`);
  report("…times the stream had to reconnect", String(stream.reconnects), "0", stream.reconnects === 0);

  // Acknowledged against stored.
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  const { rows } = await client.query<{ body: string }>(`SELECT body FROM "Comment" WHERE body LIKE $1`, [`${run}-%`]);
  await client.end();
  const stored = new Set(rows.map((row) => row.body.slice(0, row.body.indexOf(":"))));
  const writes = samples.filter((sample) => sample.kind === "write");
  const acknowledged = writes.filter((sample) => sample.status >= 200 && sample.status < 300);
  const lost = acknowledged.filter((sample) => !stored.has(sample.token!));
  const unacknowledgedStored = writes.filter((sample) => !(sample.status >= 200 && sample.status < 300) && stored.has(sample.token!));
  report("comments acknowledged (2xx) / stored", `${acknowledged.length} / ${stored.size}`);
  report("acknowledged comments missing from the database", String(lost.length), "0", lost.length === 0);
  report(
    "comments answered with an error or no answer, yet stored",
    `${unacknowledgedStored.length}${unacknowledgedStored.length ? ` (${[...new Set(unacknowledgedStored.map((sample) => sample.status || "no answer"))].join(", ")})` : ""}`,
  );
  report(
    "comment POSTs answered 500",
    String(writes.filter((sample) => sample.status === 500).length),
    "0",
    writes.every((sample) => sample.status !== 500),
  );
  if (next >= cookies.length) report("note", "the posters ran out of readers before the end; raise READERS");
}
