import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import { chromium, type Browser } from "@playwright/test";
import { PROJECT_ROOT } from "@/lib/db/migrations";
import { CHROMIUM_ARGS, chromiumExecutablePath } from "../tests/support/chromium";
import { createFreshDatabase } from "../tests/support/database";
import { runCli } from "./lib/cli";
import { DEMO_ESSAY_PATH, DEMO_ESSAY_SLUG, seedDemoEssay } from "./lib/seed-demo";
import { run, sessionCookie, startApp, waitFor } from "./bench/app-server";
import { cpuSecondsOfTree, percentile, postgresCpuSeconds, sampleGetsApart, watchRss } from "./bench/measure";
import { seedDiscussion, type SeededDiscussion } from "./bench/threads-seed";

// npm run bench:threads — discussion figures at scale, measured in one run
// against a production build: two app instances on one seeded database.
const PORTS = [3201, 3202] as const;
const BARE_PORT = 3299;
const QUIET_SLUG = "reading-with-a-pencil-quiet";
const PAGE_RUNS = 100;
const THREAD_RUNS = 100;
const LOAD_SECONDS = 10;
const POSTERS = 200;
const POSTS = 10_000;
const LIVE_PROBES = 50;
const require = createRequire(import.meta.url);
/** The measurements to run (`--only=threads,writes`), for comparing two commits on what changed; all by default. */
const PARTS = ["pages", "threads", "throughput", "writes", "js"] as const;
const only = process.argv
  .find((arg) => arg.startsWith("--only="))
  ?.slice("--only=".length)
  .split(",");
const measuring = (part: (typeof PARTS)[number]) => !only || only.includes(part);

interface Row {
  figure: string;
  value: string;
  target: string;
  pass?: boolean;
}
const rows: Row[] = [];
const report = (figure: string, value: string, target = "", pass?: boolean) => {
  rows.push({ figure, value, target, pass });
  console.log(`  ${figure}: ${value}${target ? ` (target ${target}: ${pass ? "PASS" : "FAIL"})` : ""}`);
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Reads an SSE stream from `url`, recording when each comment's event arrives. */
async function listen(url: string, arrivals: Map<number, number>): Promise<AbortController> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (!data) continue;
          const event = JSON.parse(data) as { kind: string; commentId: number | null };
          if (event.kind === "comment" && event.commentId && !arrivals.has(event.commentId)) arrivals.set(event.commentId, performance.now());
        }
      }
    } catch {
      // Aborted at the end of the run.
    }
  })();
  return controller;
}

async function post(base: string, essayId: string, cookie: string, body: Record<string, unknown>): Promise<{ status: number; id: number | null }> {
  const response = await fetch(`${base}/api/essays/${essayId}/comments`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, cookie },
    body: JSON.stringify(body),
  });
  const json = (await response.json().catch(() => null)) as { comment?: { id: number } } | null;
  return { status: response.status, id: json?.comment?.id ?? null };
}

async function measurePages(base: string, seeded: SeededDiscussion) {
  console.log("\n▶ essay page TTFB, signed out");
  const busy = await sampleGetsApart(`${base}/essays/${seeded.slug}`, PAGE_RUNS, 20);
  const quiet = await sampleGetsApart(`${base}/essays/${seeded.quietSlug}`, PAGE_RUNS, 20);
  report("essay page with 50k comments: TTFB p50 / p95", `${ms(busy.ttfbP50)} / ${ms(busy.ttfbP95)} (${(busy.bytes / 1024).toFixed(0)} KB HTML)`);
  report("the same essay with no discussion: TTFB p50 / p95", `${ms(quiet.ttfbP50)} / ${ms(quiet.ttfbP95)} (${(quiet.bytes / 1024).toFixed(0)} KB HTML)`);
  const ratio = busy.ttfbP95 / quiet.ttfbP95;
  report("TTFB ratio (p95, with / without)", `${ratio.toFixed(2)}`, "≤ 1.3", ratio <= 1.3);
  report("TTFB ratio (p50, with / without)", `${(busy.ttfbP50 / quiet.ttfbP50).toFixed(2)}`);
  // The page loads its discussion in the browser; what that request costs, so the figure above hides nothing.
  const opening = await sampleGetsApart(`${base}/api/essays/${seeded.essayId}/discussion`, PAGE_RUNS, 20);
  report("the discussion the page then loads (first page of Top threads + passage count): p50 / p95", `${ms(opening.totalP50)} / ${ms(opening.totalP95)} (${(opening.bytes / 1024).toFixed(0)} KB)`);
}

async function measureThreads(base: string, seeded: SeededDiscussion) {
  console.log("\n▶ thread endpoint, one whole thread per request");
  const thousand = await sampleGetsApart(`${base}/api/threads/${seeded.thousandThreadId}`, THREAD_RUNS);
  const big = await sampleGetsApart(`${base}/api/threads/${seeded.bigThreadId}`, THREAD_RUNS);
  report("1,000-comment thread p50 / p95", `${ms(thousand.totalP50)} / ${ms(thousand.totalP95)} (${(thousand.bytes / 1024).toFixed(0)} KB)`);
  report("10,000-comment thread p50 / p95", `${ms(big.totalP50)} / ${ms(big.totalP95)} (${(big.bytes / 1024).toFixed(0)} KB)`, "p95 ≤ 100 ms", big.totalP95 <= 100);
  const scaling = big.totalP95 / thousand.totalP95;
  report("t(10k) / t(1k), p95", scaling.toFixed(1), "≤ 12", scaling <= 12);
}

async function throughput(url: string): Promise<{ requests: number; errors: number; p99: number }> {
  await autocannon({ url, connections: 20, duration: 2 });
  const result = await autocannon({ url, connections: 50, duration: LOAD_SECONDS });
  return { requests: result.requests.average, errors: result.errors + result.non2xx, p99: result.latency.p99 };
}

async function measureThroughput(base: string, databaseUrl: string, seeded: SeededDiscussion, appPid: number) {
  console.log(`\n▶ requests/s on a typical thread (${seeded.typicalThreadSize} comments), 50 connections, ${LOAD_SECONDS} s`);
  const bare = spawn(process.execPath, [require.resolve("tsx/cli"), "--conditions=react-server", "scripts/bench/bare-thread-server.ts"], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(BARE_PORT) },
  });
  try {
    await waitFor(`http://127.0.0.1:${BARE_PORT}/threads/${seeded.typicalThreadId}`, bare);
    const rss = watchRss([appPid]);
    const glossa = await throughput(`${base}/api/threads/${seeded.typicalThreadId}`);
    const [peak] = rss.stop();
    const plain = await throughput(`http://127.0.0.1:${BARE_PORT}/threads/${seeded.typicalThreadId}`);
    // What Next itself allows on this machine: a route handler that returns a constant.
    const floor = await throughput(`${base}/api/health`);
    report("Glossa /api/threads req/s (errors, p99)", `${glossa.requests.toFixed(0)} (${glossa.errors}, ${glossa.p99} ms)`, "≥ 1,500", glossa.requests >= 1500);
    report("bare node + pg, same SQL, req/s (errors, p99)", `${plain.requests.toFixed(0)} (${plain.errors}, ${plain.p99} ms)`);
    const share = glossa.requests / plain.requests;
    report("Glossa / bare", share.toFixed(2), "≥ 0.5", share >= 0.5);
    report("Next's ceiling here: GET /api/health (a constant) req/s, and Glossa's share of it", `${floor.requests.toFixed(0)}, ${(glossa.requests / floor.requests).toFixed(2)}`);
    report("app RSS under read load, peak", `${peak!.toFixed(0)} MB`, "≤ 350 MB", peak! <= 350);
  } finally {
    bare.kill("SIGTERM");
  }
}

async function measureWrites(databaseUrl: string, seeded: SeededDiscussion, apps: ChildProcess[]) {
  console.log(`\n▶ ${POSTERS} concurrent posters write ${POSTS.toLocaleString("en")} comments, alternating between both instances; a client of the second instance listens`);
  const arrivals = new Map<number, number>();
  const stream = await listen(`http://127.0.0.1:${PORTS[1]}/api/essays/${seeded.essayId}/events`, arrivals);
  const cookies = await Promise.all(seeded.posterIds.slice(0, POSTS + LIVE_PROBES).map(sessionCookie));
  const random = Math.random;

  // Idle: one post at a time on instance 1, received by the client of instance 2.
  const idleLatencies: number[] = [];
  for (let probe = 0; probe < LIVE_PROBES; probe++) {
    const sent = performance.now();
    const { id } = await post(`http://127.0.0.1:${PORTS[0]}`, seeded.essayId, cookies[POSTS + probe]!, { body: `Live probe ${probe}: does this reach the other instance?` });
    for (let wait = 0; id && !arrivals.has(id) && wait < 200; wait++) await new Promise((resolve) => setTimeout(resolve, 5));
    if (id && arrivals.has(id)) idleLatencies.push(arrivals.get(id)! - sent);
  }

  const sentAt = new Map<number, number>();
  const statuses = new Map<number, number>();
  let stored = 0;
  let next = 0;
  const rss = watchRss(apps.map((app) => app.pid!));
  const cpuBefore = { apps: apps.map((app) => cpuSecondsOfTree(app.pid!)), postgres: postgresCpuSeconds() };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: POSTERS }, async (_, worker) => {
      for (let index = next++; index < POSTS; index = next++) {
        const base = `http://127.0.0.1:${PORTS[index % 2]}`;
        const parentId = random() < 0.7 ? seeded.replyTargets[Math.floor(random() * seeded.replyTargets.length)] : undefined;
        const sent = performance.now();
        try {
          const { status, id } = await post(base, seeded.essayId, cookies[index]!, { body: `Poster ${worker} writes comment ${index}: the premise holds, the conclusion does not.`, parentId });
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (id) {
            stored += 1;
            sentAt.set(id, sent);
          }
        } catch {
          statuses.set(0, (statuses.get(0) ?? 0) + 1);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = { apps: apps.map((app, index) => cpuSecondsOfTree(app.pid!) - cpuBefore.apps[index]!), postgres: postgresCpuSeconds() - cpuBefore.postgres };
  const peaks = rss.stop();
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  stream.abort();

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ id: number }>(`SELECT id FROM "Comment" WHERE id = ANY($1::int[])`, [[...sentAt.keys()]]);
  const { rows: written } = await client.query<{ count: number }>(`SELECT count(*)::int AS count FROM "Comment" WHERE body LIKE 'Poster %'`);
  await client.end();
  const acknowledged = [...statuses].filter(([status]) => status >= 200 && status < 300).reduce((sum, [, count]) => sum + count, 0);
  const lost = acknowledged - rows.length + (POSTS - acknowledged - [...statuses].filter(([status]) => status >= 400 && status < 500).reduce((sum, [, count]) => sum + count, 0));
  const serverErrors = [...statuses].filter(([status]) => status >= 500 || status === 0).reduce((sum, [, count]) => sum + count, 0);
  const loadLatencies = [...sentAt].filter(([id]) => arrivals.has(id)).map(([id, sent]) => arrivals.get(id)! - sent);

  report("responses by status", [...statuses].map(([status, count]) => `${status || "network error"}: ${count}`).join(", "));
  report("acknowledged comments missing from the database, or never answered", String(lost), "0", lost === 0);
  report("comments written (rows in the database)", String(written[0]!.count));
  report("5xx and network errors", String(serverErrors), "0", serverErrors === 0);
  report("comments/s", (stored / seconds).toFixed(0), "≥ 500", stored / seconds >= 500);
  // Where a comment's time goes, for comparing commits: throughput on two cores follows these.
  const perComment = (cpuSeconds: number) => `${((cpuSeconds * 1000) / POSTS).toFixed(2)} ms`;
  report("CPU per comment: app instances, PostgreSQL", `${cpu.apps.map(perComment).join(" + ")}, ${perComment(cpu.postgres)}`);
  report("live events received by the other instance's client", `${loadLatencies.length} of ${stored}`);
  const idleP95 = percentile(idleLatencies, 95);
  report("live latency across instances, idle: p50 / p95", `${ms(percentile(idleLatencies, 50))} / ${ms(idleP95)} (${idleLatencies.length} of ${LIVE_PROBES} probes)`, "p95 ≤ 300 ms", idleP95 <= 300);
  report("live latency across instances, under the write load: p50 / p95", `${ms(percentile(loadLatencies, 50))} / ${ms(percentile(loadLatencies, 95))}`);
  const peak = Math.max(...peaks);
  report("app RSS under write load, peak per instance", peaks.map((value) => `${value.toFixed(0)} MB`).join(" / "), "≤ 350 MB", peak <= 350);
}

async function scriptBytes(browser: Browser, url: string): Promise<{ gzip: number; raw: number; files: number }> {
  const page = await browser.newPage();
  const scripts: Promise<{ raw: number; gzip: number }>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    scripts.push(response.body().then((body) => ({ raw: body.length, gzip: gzipSync(body).length })));
  });
  // Not "networkidle": the page holds its live stream open (a fetch that never ends), so the network never goes idle.
  await page.goto(url, { waitUntil: "load" });
  await page.waitForLoadState("domcontentloaded");
  await page.waitForTimeout(1_000);
  const sizes = await Promise.all(scripts);
  await page.close();
  return { gzip: sizes.reduce((sum, size) => sum + size.gzip, 0) / 1024, raw: sizes.reduce((sum, size) => sum + size.raw, 0) / 1024, files: sizes.length };
}

async function measureJavaScript(base: string, slug: string) {
  console.log("\n▶ JavaScript shipped to the essay page");
  const browser = await chromium.launch({ executablePath: chromiumExecutablePath(), args: CHROMIUM_ARGS });
  try {
    const essay = await scriptBytes(browser, `${base}/essays/${slug}`);
    // The home page, signed out, runs no client component of Glossa's: what it loads is React and Next's own runtime.
    const floor = await scriptBytes(browser, `${base}/`);
    report("essay page JavaScript, gzip (raw)", `${essay.gzip.toFixed(1)} KB (${essay.raw.toFixed(0)} KB) in ${essay.files} files`, "≤ 120 KB", essay.gzip <= 120);
    report("of which React and Next's runtime (home page), gzip", `${floor.gzip.toFixed(1)} KB`);
    report("of which Glossa's own code, gzip", `${(essay.gzip - floor.gzip).toFixed(1)} KB`);
  } finally {
    await browser.close();
  }
}

await runCli(async () => {
  const began = performance.now();
  if (only?.some((part) => !(PARTS as readonly string[]).includes(part))) throw new Error(`--only takes ${PARTS.join(", ")}`);
  // --skip-build: the build in .next is this commit's (comparing worktrees, each built once).
  if (!process.argv.includes("--skip-build")) {
    console.log("▶ production build");
    await run("npm", ["run", "build", "--silent"]);
  }

  console.log("▶ seeding a separate database");
  const database = await createFreshDatabase("bench-threads");
  process.env.DATABASE_URL = database.url;
  const { importEssayFrom } = await import("@/lib/essays/import-essay-from");
  const { disconnectDb } = await import("@/lib/db/client");
  await seedDemoEssay();
  // The same essay again under another slug, with no discussion: the page-time baseline.
  const quietCopy = path.join(mkdtempSync(path.join(tmpdir(), "glossa-bench-")), "demo-essay.md");
  copyFileSync(DEMO_ESSAY_PATH, quietCopy);
  await importEssayFrom(quietCopy, { slug: QUIET_SLUG });
  await disconnectDb();
  const seedStarted = performance.now();
  const seeded = await seedDiscussion(database.url, DEMO_ESSAY_SLUG, QUIET_SLUG);
  console.log(`  ${seeded.comments.toLocaleString("en")} comments and ${seeded.highlights.toLocaleString("en")} highlights in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);

  const apps = PORTS.map((port) => startApp(port, database.url));
  try {
    await Promise.all(apps.map((app, index) => waitFor(`http://127.0.0.1:${PORTS[index]}/`, app)));
    const base = `http://127.0.0.1:${PORTS[0]}`;
    if (measuring("pages")) await measurePages(base, seeded);
    if (measuring("threads")) await measureThreads(base, seeded);
    if (measuring("throughput")) await measureThroughput(base, database.url, seeded, apps[0]!.pid!);
    if (measuring("writes")) await measureWrites(database.url, seeded, apps);
    if (measuring("js")) await measureJavaScript(base, seeded.slug);
  } finally {
    apps.forEach((app) => app.kill("SIGTERM"));
    await database.stop();
  }

  const failed = rows.filter((row) => row.pass === false);
  console.log(
    `\nbench:threads — ${rows.filter((row) => row.pass !== undefined).length - failed.length} of ${rows.filter((row) => row.pass !== undefined).length} targets met in ${((performance.now() - began) / 1000).toFixed(0)} s`,
  );
  console.table(rows.map(({ figure, value, target, pass }) => ({ figure, value, target, result: pass === undefined ? "" : pass ? "PASS" : "FAIL" })));
});
