import { spawn } from "node:child_process";
import { prepareDatabase } from "@/lib/db/prepare";
import { PROJECT_ROOT } from "@/lib/db/migrations";
import { ensureAuthSecret } from "./auth-secret";
import { ensurePrismaClient } from "./ensure-prisma-client";
import { productionNodeOptions } from "./production-node-options";
import { runCli } from "./cli";
import { seedDemoEssay } from "./seed-demo";

/**
 * The one-command start: Prisma client, database (embedded unless
 * DATABASE_URL is set), migrations, demo content and a session secret, then
 * Next.js. The embedded server is stopped when Next exits or on Ctrl-C.
 */
export async function runApp(mode: "dev" | "start"): Promise<void> {
  await runCli(async () => {
    ensurePrismaClient();
    const database = await prepareDatabase("app");
    const where = database.kind === "embedded" ? "embedded PostgreSQL" : "PostgreSQL from DATABASE_URL";
    console.log(`Database: ${where}${database.appliedMigrations.length ? `, applied ${database.appliedMigrations.length} migration(s)` : ", up to date"}.`);
    try {
      process.env.DATABASE_URL = database.url;
      const seeded = await seedDemoEssay();
      if (seeded) console.log(`Seeded the demo essay: /essays/${seeded}`);
      const env = { ...process.env, DATABASE_URL: database.url, ...ensureAuthSecret(mode), ...(mode === "start" ? { NODE_OPTIONS: productionNodeOptions() } : {}) };
      const args = mode === "dev" ? ["next", "dev"] : ["next", "start"];
      if (process.env.PORT) args.push("--port", process.env.PORT);
      await runChild("npx", args, env);
    } finally {
      await database.stop();
    }
  });
}

function runChild(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", env, cwd: PROJECT_ROOT });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      if (code === 0 || signal === "SIGINT" || signal === "SIGTERM" || code === 130) resolve();
      else reject(new Error(`${command} ${args.join(" ")} exited with ${signal ?? code}`));
    });
  });
}
