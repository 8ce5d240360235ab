import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import pg from "pg";

/**
 * A throwaway PostgreSQL server for bench:faults, in a temporary folder on a
 * free port, that the benchmark may stop (SIGSTOP), kill (SIGKILL) and
 * restart without touching any server someone else uses. It runs the
 * system's PostgreSQL binaries (Debian's /usr/lib/postgresql/<version>/bin),
 * as the `postgres` user when the benchmark runs as root.
 */
export interface ThrowawayPostgres {
  /** postgresql://postgres@127.0.0.1:<port>/<database> */
  url: string;
  port: number;
  /** The postmaster and every backend it has forked, right now. */
  pids(): number[];
  /** SIGSTOP (or SIGCONT) every process of the server: it keeps its sockets and answers nothing. */
  signal(signal: "SIGSTOP" | "SIGCONT" | "SIGKILL"): number;
  /** Starts the server again on the same data and port (after a kill: crash recovery); resolves when it accepts connections. */
  start(): Promise<void>;
  /** Fast shutdown and removal of the data folder. */
  destroy(): Promise<void>;
}

function binDir(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) if (existsSync(path.join(root, version, "bin", "postgres"))) return path.join(root, version, "bin");
  throw new Error("bench:faults needs PostgreSQL's server binaries (apt-get install postgresql) to run a server it may kill.");
}

function account(): { uid?: number; gid?: number } {
  if (userInfo().uid !== 0) return {};
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith("postgres:"));
  if (!line) throw new Error("Running as root, bench:faults needs a `postgres` system user to run PostgreSQL as.");
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

function childrenOf(pid: number): number[] {
  const found: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) found.push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return found;
}

async function accepting(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates, starts and returns a throwaway server with an empty database `database`. */
export async function startThrowawayPostgres(port: number, database: string): Promise<ThrowawayPostgres> {
  const bin = binDir();
  const owner = account();
  const dir = mkdtempSync(path.join(tmpdir(), "glossa-faults-pg-"));
  const data = path.join(dir, "data");
  if (owner.uid !== undefined) chownSync(dir, owner.uid, owner.gid!);
  const init = spawnSync(path.join(bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-sync"], { ...owner, encoding: "utf8" });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  let server: ChildProcess | null = null;
  const base = `postgresql://postgres@127.0.0.1:${port}`;

  const start = async () => {
    // Unix sockets in the data folder's parent: /var/run/postgresql belongs to the machine's own server.
    const child = spawn(
      path.join(bin, "postgres"),
      ["-D", data, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", `unix_socket_directories=${dir}`, "-c", "max_connections=200", "-c", "lc_messages=C"],
      {
        ...owner,
        stdio: ["ignore", "ignore", "ignore"],
        env: { ...process.env, LC_MESSAGES: "C" },
      },
    );
    server = child;
    for (let attempt = 0; attempt < 150; attempt++) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The throwaway PostgreSQL exited with ${child.signalCode ?? child.exitCode}.`);
      if (await accepting(`${base}/postgres`)) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error("The throwaway PostgreSQL did not accept connections within 15 s.");
  };

  const pids = () => (server?.pid && server.exitCode === null && server.signalCode === null ? [server.pid, ...childrenOf(server.pid)] : []);

  await start();
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  return {
    url: `${base}/${database}`,
    port,
    pids,
    signal(signal) {
      const all = pids();
      // The postmaster first, so it forks nothing new while its backends are signalled.
      for (const pid of all) {
        try {
          process.kill(pid, signal);
        } catch {
          // Exited meanwhile.
        }
      }
      return all.length;
    },
    async start() {
      const previous = server;
      if (previous && previous.exitCode === null && previous.signalCode === null) await new Promise((resolve) => previous.once("exit", resolve));
      // Killed backends are reparented and reaped elsewhere; wait until none holds the data folder's lock.
      for (let attempt = 0; attempt < 50 && previous?.pid && childrenOf(previous.pid).length > 0; attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
      await start();
    },
    async destroy() {
      const child = server;
      if (child && child.exitCode === null && child.signalCode === null) {
        try {
          process.kill(child.pid!, "SIGCONT");
        } catch {
          // Not stopped.
        }
        const exited = new Promise((resolve) => child.once("exit", resolve));
        child.kill("SIGINT");
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
