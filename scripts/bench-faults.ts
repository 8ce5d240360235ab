import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { PROJECT_ROOT } from "@/lib/db/migrations";
import { createFreshDatabase } from "../tests/support/database";
import { runCli } from "./lib/cli";
import { DEMO_ESSAY_SLUG, seedDemoEssay } from "./lib/seed-demo";
import { sessionCookie, startApp, type AppInstance } from "./bench/faults-app";
import { streamFlood } from "./bench/faults-flood";
import { databaseOutage } from "./bench/faults-outage";
import { startThrowawayPostgres, type ThrowawayPostgres } from "./bench/faults-postgres";
import { createReport } from "./bench/faults-report";

// npm run bench:faults — resilience figures against production instances,
// measured in one run: (a) an event-stream flood on one instance, (b) the
// database stopped, killed and restarted under write load. The flood runs on
// a separate database on the configured server (DATABASE_URL, else the
// embedded test server); the outage on a throwaway PostgreSQL this script
// starts, since it kills it. Loopback only; every loop is bounded; it stops
// by itself. `--skip-build` reuses the existing production build.

/** Signed-in readers for the write load: each writes at most one comment (the one-per-5-s limit never refuses one). */
const READERS = 6_000;

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited ${code}`))));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Seeds the demo essay into `url` and returns its id. */
async function seed(url: string): Promise<string> {
  process.env.DATABASE_URL = url;
  const { disconnectDb } = await import("@/lib/db/client");
  await seedDemoEssay();
  await disconnectDb();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ id: string }>(`SELECT id FROM "Essay" WHERE slug = $1`, [DEMO_ESSAY_SLUG]);
  await client.end();
  return rows[0]!.id;
}

async function insertReaders(url: string, count: number): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(
    `INSERT INTO "User" (id, handle, name, "emailVerified", "createdAt", "updatedAt")
     SELECT 'faults-reader-' || g, 'faultsreader' || g, 'Faults Reader ' || g, now() - interval '90 days', now() - interval '90 days', now() FROM generate_series(0, $1::int - 1) g`,
    [count],
  );
  await client.end();
  return Array.from({ length: count }, (_, index) => `faults-reader-${index}`);
}

await runCli(async () => {
  const began = performance.now();
  const { report, summary } = createReport();
  const scratch = mkdtempSync(path.join(tmpdir(), "glossa-bench-faults-"));
  let app: AppInstance | null = null;
  let throwaway: ThrowawayPostgres | null = null;
  const floodDatabase = await createFreshDatabase("bench-faults");
  try {
    if (!process.argv.includes("--skip-build")) {
      console.log("▶ production build");
      await run("npm", ["run", "build", "--silent"]);
    }

    const floodEssay = await seed(floodDatabase.url);
    const floodPort = await freePort();
    app = await startApp(floodPort, floodDatabase.url, path.join(scratch, "flood-memory.json"));
    await streamFlood(app, floodPort, floodEssay, report);
    await app.stop();
    app = null;

    console.log("\n▶ a throwaway PostgreSQL for the outage");
    throwaway = await startThrowawayPostgres(await freePort(), "glossa_faults");
    const { applyMigrations } = await import("@/lib/db/migrations");
    await applyMigrations(throwaway.url);
    const outageEssay = await seed(throwaway.url);
    const cookies = await Promise.all((await insertReaders(throwaway.url, READERS)).map(sessionCookie));
    app = await startApp(await freePort(), throwaway.url, path.join(scratch, "outage-memory.json"));
    await databaseOutage(app, throwaway, outageEssay, cookies, report);
  } finally {
    await app?.stop();
    await throwaway?.destroy();
    await floodDatabase.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
  summary("bench:faults", (performance.now() - began) / 1000);
  // Anything still open (a pool, a socket the server closed on us) must not keep the benchmark alive.
  process.exit(0);
});
