import path from "node:path";
import { checkDatabaseConnection, describeDatabaseUrl } from "./check-connection";
import { startEmbeddedDatabase } from "./embedded";
import { applyMigrations, PROJECT_ROOT } from "./migrations";

export type DatabasePurpose = "app" | "test";

export interface PreparedDatabase {
  url: string;
  /** "embedded" when Glossa runs the server itself, else "external". */
  kind: "embedded" | "external";
  /** Where the database is, in words: which server, which port, which folder. */
  where: string;
  appliedMigrations: string[];
  stop(): Promise<void>;
}

export interface ResolveOptions {
  /** Passed to the embedded server: see `EmbeddedOptions.exitOnSignal`. */
  exitOnSignal?: boolean;
}

const EMBEDDED = {
  app: { dir: ".data/postgres", port: 54329, database: "glossa" },
  test: { dir: ".data/postgres-test", port: 54339, database: "glossa_test" },
} as const;

/** A folder as a person would like to read it: relative inside the project, absolute elsewhere. */
function shownPath(dir: string): string {
  const relative = path.relative(PROJECT_ROOT, dir);
  return relative.startsWith("..") ? dir : relative;
}

/**
 * The database Glossa runs against: the server in DATABASE_URL when it is set,
 * otherwise the embedded one (started now if need be). Checks the connection,
 * with one clear message when it fails.
 */
export async function resolveDatabase(purpose: DatabasePurpose, options: ResolveOptions = {}): Promise<Omit<PreparedDatabase, "appliedMigrations">> {
  const external = process.env.DATABASE_URL;
  const settings = EMBEDDED[purpose];
  const embedded = external
    ? undefined
    : await startEmbeddedDatabase({
        dataDir: path.join(PROJECT_ROOT, settings.dir),
        port: { variable: "GLOSSA_DB_PORT", value: process.env.GLOSSA_DB_PORT, fallback: settings.port },
        database: settings.database,
        exitOnSignal: options.exitOnSignal,
      });
  const url = external ?? embedded!.url;
  try {
    await checkDatabaseConnection(url);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  const where = embedded
    ? `embedded PostgreSQL on port ${embedded.port}${embedded.owned ? "" : " (already running)"}, data in ${shownPath(embedded.dataDir)}`
    : `PostgreSQL from DATABASE_URL (${describeDatabaseUrl(url)})`;
  return { url, kind: embedded ? "embedded" : "external", where, stop: () => embedded?.stop() ?? Promise.resolve() };
}

/** `resolveDatabase`, then applies pending migrations. */
export async function prepareDatabase(purpose: DatabasePurpose, options: ResolveOptions = {}): Promise<PreparedDatabase> {
  const database = await resolveDatabase(purpose, options);
  try {
    return { ...database, appliedMigrations: await applyMigrations(database.url) };
  } catch (error) {
    await database.stop();
    throw error;
  }
}
