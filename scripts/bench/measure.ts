import { execFile } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";

/** The value below which `p` percent of the samples fall (nearest rank). */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** One GET: milliseconds to the first byte of the body, to the last byte, and the size. */
export function timeGet(url: string, headers: Record<string, string> = {}): Promise<{ ttfb: number; total: number; bytes: number; status: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let ttfb = 0;
    let bytes = 0;
    const request = http.get(url, { headers, agent: keepAlive }, (response) => {
      response.on("data", (chunk: Buffer) => {
        if (bytes === 0) ttfb = performance.now() - started;
        bytes += chunk.length;
      });
      response.on("end", () => resolve({ ttfb, total: performance.now() - started, bytes, status: response.statusCode ?? 0 }));
      response.on("error", reject);
    });
    request.on("error", reject);
  });
}

const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });

/** Sequential GETs after a warm-up: p50 and p95 of TTFB and total time, and the response size. */
export async function sampleGets(url: string, runs: number, warmup = 10) {
  for (let run = 0; run < warmup; run++) await timeGet(url);
  const ttfb: number[] = [];
  const total: number[] = [];
  let bytes = 0;
  for (let run = 0; run < runs; run++) {
    const sample = await timeGet(url);
    if (sample.status !== 200) throw new Error(`${url} answered ${sample.status}`);
    ttfb.push(sample.ttfb);
    total.push(sample.total);
    bytes = sample.bytes;
  }
  return { ttfbP50: percentile(ttfb, 50), ttfbP95: percentile(ttfb, 95), totalP50: percentile(total, 50), totalP95: percentile(total, 95), bytes };
}

const require = createRequire(import.meta.url);

/**
 * `sampleGets` run in a small process of its own, so the client's garbage
 * does not weigh on the servers it measures. In the benchmark's own process
 * (which holds Prisma and the seeding code: 59 MB of live heap), every
 * 4.4 MB thread it received set off a full mark-compact, 20 to 50 ms of
 * marking on V8's helper threads per request; on two cores that CPU was
 * taken from the server, and the 10,000-comment thread measured 66–71 ms
 * p50 against 48 ms from a small client.
 */
export function sampleGetsApart(url: string, runs: number, warmup = 10): Promise<Awaited<ReturnType<typeof sampleGets>>> {
  const script = path.join(import.meta.dirname, "sample-gets.ts");
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--import", require.resolve("tsx"), script, url, String(runs), String(warmup)], (error, stdout, stderr) => {
      if (error) reject(new Error(`${url}: ${stderr.trim() || error.message}`));
      else resolve(JSON.parse(stdout) as Awaited<ReturnType<typeof sampleGets>>);
    });
  });
}

function childPids(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent === pid) children.push(Number(entry), ...childPids(Number(entry)));
    } catch {
      // The process ended while we looked.
    }
  }
  return children;
}

function rssOfTree(pid: number): number {
  let kilobytes = 0;
  for (const each of [pid, ...childPids(pid)]) {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${each}/status`, "utf8"));
      kilobytes += Number(match?.[1] ?? 0);
    } catch {
      // The process ended while we looked.
    }
  }
  return kilobytes / 1024;
}

/** The clock ticks per second /proc/<pid>/stat counts CPU time in (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) of one process, from its /proc/<pid>/stat; `children` adds those of its exited, waited-for children. */
function cpuSecondsOf(pid: number | string, children = false): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]) + (children ? Number(fields[13]) + Number(fields[14]) : 0);
    return ticks / TICKS_PER_SECOND;
  } catch {
    // The process ended while we looked.
    return 0;
  }
}

/** CPU seconds used so far by a process tree. */
export function cpuSecondsOfTree(pid: number): number {
  return [pid, ...childPids(pid)].reduce((sum, each) => sum + cpuSecondsOf(each), 0);
}

/**
 * CPU seconds used so far by every PostgreSQL process on this machine (the
 * benchmarks' database server is local): with its exited backends, which
 * count in their parent's children.
 */
export function postgresCpuSeconds(): number {
  let seconds = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() === "postgres") seconds += cpuSecondsOf(entry, true);
    } catch {
      // The process ended while we looked.
    }
  }
  return seconds;
}

/** Samples the resident memory of each process tree every 100 ms; `stop()` gives the peak per tree in MB. */
export function watchRss(pids: readonly number[]): { stop(): number[] } {
  const peaks = pids.map(() => 0);
  const timer = setInterval(() => pids.forEach((pid, index) => (peaks[index] = Math.max(peaks[index]!, rssOfTree(pid)))), 100);
  return {
    stop() {
      clearInterval(timer);
      return peaks;
    },
  };
}
