import { spawn } from "node:child_process";
import { disconnectDb } from "@/lib/db/client";
import { PROJECT_ROOT } from "@/lib/db/migrations";
import { prepareDatabase } from "@/lib/db/prepare";
import { AppError } from "@/lib/errors";
import { choosePort } from "@/lib/net/free-port";
import { ensureAuthSecret } from "./auth-secret";
import { runCli } from "./cli";
import { ensureProductionBuild, NEXT_BIN } from "./next-bin";
import { productionNodeOptions } from "./production-node-options";
import { seedDemoEssay } from "./seed-demo";
import { supervise, type Supervisor } from "./supervise";

const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * The one-command start: a free port, a session secret, a production build
 * (`start` only, when there is none), the database (embedded unless
 * DATABASE_URL is set), migrations and demo content, then Next.js, restarted
 * with backoff whenever it dies. SIGTERM (or SIGINT) to this process stops
 * Next first, then the embedded database, so requests in flight finish
 * against a live database.
 *
 * Needs the generated Prisma client: import it only after ensurePrismaClient().
 */
export async function runApp(mode: "dev" | "start"): Promise<void> {
  // This process owns its signals from the start: a Ctrl-C while the
  // database is being prepared must still end with the database stopped.
  let interrupted: NodeJS.Signals | null = null;
  let supervisor: Supervisor | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted ??= signal;
    supervisor?.stop(signal);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);

  await runCli(async () => {
    const { port, note } = choosePort({ variable: "PORT", value: process.env.PORT, fallback: 3000, purpose: "the app" });
    if (note) console.log(note);
    const secret = ensureAuthSecret(mode);
    if (mode === "start") ensureProductionBuild();

    const database = await prepareDatabase("app", { exitOnSignal: false });
    try {
      const migrations = database.appliedMigrations.length ? `applied ${database.appliedMigrations.length} migration(s)` : "up to date";
      console.log(`Database: ${database.where}, ${migrations}.`);
      process.env.DATABASE_URL = database.url;
      const seeded = await seedDemoEssay();
      if (seeded) console.log(`Seeded the demo essay: /essays/${seeded}`);
      // Next opens its own pools; these would only hold connections (and keep this process alive after Next stops).
      await disconnectDb();
      if (interrupted) return;

      const env = { ...process.env, DATABASE_URL: database.url, PORT: String(port), ...secret, ...(mode === "start" ? { NODE_OPTIONS: productionNodeOptions() } : {}) };
      console.log(`Glossa: http://localhost:${port}`);
      supervisor = supervise({
        start: () => spawn(process.execPath, [NEXT_BIN, mode, "--port", String(port)], { stdio: "inherit", env, cwd: PROJECT_ROOT }),
        log: (message) => console.error(message),
      });
      if ((await supervisor.stopped) === "failed-at-startup") throw new AppError("INTERNAL", `\`next ${mode}\` could not start.`);
    } finally {
      await database.stop();
      for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
    }
    console.log("Glossa stopped.");
  });
}
