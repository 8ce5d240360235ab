import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { encode } from "next-auth/jwt";
import { SESSION_COOKIE, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/config";
import { PROJECT_ROOT } from "@/lib/db/migrations";
import { productionNodeOptions } from "../lib/production-node-options";

// What the benchmarks share: running a command, a production server on a
// seeded database, and session cookies for its seeded accounts.
const require = createRequire(import.meta.url);

/** The session secret the benchmarks' servers sign with (never used outside them). */
const BENCH_SECRET = "bench-secret-not-for-production-use";

/** Runs a command in the project, its errors shown; rejects on a non-zero exit. */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env, stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited ${code}`))));
  });
}

/** Waits until `url` answers below 500, for at most a minute; fails at once if the server exits. */
export async function waitFor(url: string, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if (child.exitCode !== null) throw new Error(`The server for ${url} exited with ${child.exitCode}.`);
    try {
      if ((await fetch(url)).status < 500) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not come up within a minute.`);
}

/** `next start` of the production build on `port`, against `databaseUrl`, with the production Node flags. */
export function startApp(port: number, databaseUrl: string): ChildProcess {
  return spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_OPTIONS: productionNodeOptions(),
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: BENCH_SECRET,
      NEXTAUTH_SECRET: BENCH_SECRET,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    },
  });
}

/** A `name=value` session cookie for a seeded account, as startApp's servers accept it. */
export async function sessionCookie(userId: string): Promise<string> {
  const token = await encode({ token: { uid: userId, sv: 0 }, secret: BENCH_SECRET, maxAge: SESSION_MAX_AGE_SECONDS });
  return `${SESSION_COOKIE}=${token}`;
}
