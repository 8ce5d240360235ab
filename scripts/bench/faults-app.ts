import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { encode } from "next-auth/jwt";
import { SESSION_COOKIE, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/config";
import { PROJECT_ROOT } from "@/lib/db/migrations";
import { productionNodeOptions } from "../lib/production-node-options";

const require = createRequire(import.meta.url);

/** Signs bench session cookies; never a real deployment's secret. */
export const BENCH_SECRET = "bench-faults-secret-not-for-production-use";

/** A server's memory figures, in bytes. */
export interface Memory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  at: number;
}

/** One production instance (`next start`) under test, run directly so its exit is seen as it happens. */
export interface AppInstance {
  base: string;
  child: ChildProcess;
  /** The server's own heap and RSS, as the preloaded probe last wrote them. */
  memory(): Memory | null;
  /** The same after a full collection in the server (what is live). */
  collect(): Promise<Memory | null>;
  alive(): boolean;
  stop(): Promise<void>;
}

/** Starts `next start` on `port` against `databaseUrl`, with the production heap limit, and waits until it answers. */
export async function startApp(port: number, databaseUrl: string, memoryFile: string): Promise<AppInstance> {
  const probe = pathToFileURL(path.join(PROJECT_ROOT, "scripts", "bench", "faults-heap-probe.mjs")).href;
  const child = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      // --expose-gc only lets the probe collect when the benchmark asks (SIGUSR2), to read what is live.
      NODE_OPTIONS: productionNodeOptions(`--expose-gc --import ${probe}`),
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: BENCH_SECRET,
      NEXTAUTH_SECRET: BENCH_SECRET,
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
      GLOSSA_BENCH_MEMORY_FILE: memoryFile,
    },
  });
  // Kept (the last lines) to explain a crash: a heap-limit death prints here.
  const stderr: string[] = [];
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    stderr.splice(0, Math.max(0, stderr.length - 40));
  });
  const base = `http://127.0.0.1:${port}`;
  const instance: AppInstance = {
    base,
    child,
    memory() {
      if (!existsSync(memoryFile)) return null;
      try {
        return JSON.parse(readFileSync(memoryFile, "utf8")) as Memory;
      } catch {
        return null;
      }
    },
    async collect() {
      const asked = Date.now();
      child.kill("SIGUSR2");
      for (let attempt = 0; attempt < 40; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        const memory = instance.memory();
        if (memory && memory.at >= asked) return memory;
      }
      return instance.memory();
    },
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (!instance.alive()) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (instance.alive()) child.kill("SIGKILL");
    },
  };
  Object.defineProperty(instance, "stderr", { value: stderr });
  for (let attempt = 0; attempt < 300; attempt++) {
    if (!instance.alive()) throw new Error(`next start exited with ${child.signalCode ?? child.exitCode}:\n${stderr.join("\n")}`);
    try {
      if ((await fetch(`${base}/api/health`)).status < 500) return instance;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${base} did not come up within a minute.`);
}

/** The last lines the server wrote to stderr (why it died, if it did). */
export function appStderr(app: AppInstance): string[] {
  return (app as unknown as { stderr: string[] }).stderr;
}

/** A session cookie for `userId`, as next-auth would set it. */
export async function sessionCookie(userId: string): Promise<string> {
  const token = await encode({ token: { uid: userId, sv: 0 }, secret: BENCH_SECRET, maxAge: SESSION_MAX_AGE_SECONDS });
  return `${SESSION_COOKIE}=${token}`;
}
