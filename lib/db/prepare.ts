import path from "node:path";
import { checkDatabaseConnection } from "./check-connection";
import { startEmbeddedDatabase } from "./embedded";
import { applyMigrations, PROJECT_ROOT } from "./migrations";

export type DatabasePurpose = "app" | "test";

export interface PreparedDatabase {
  url: string;
  /** "embedded" when Glossa runs the server itself, else "external". */
  kind: "embedded" | "external";
  appliedMigrations: string[];
  stop(): Promise<void>;
}

const EMBEDDED = {
  app: { dir: ".data/postgres", port: 54329, database: "glossa" },
  test: { dir: ".data/postgres-test", port: 54339, database: "glossa_test" },
} as const;

/**
 * The database Glossa runs against: the server in DATABASE_URL when it is set,
 * otherwise the embedded one (started now if need be). Checks the connection,
 * with one clear message when it fails.
 */
export async function resolveDatabase(purpose: DatabasePurpose): Promise<Omit<PreparedDatabase, "appliedMigrations">> {
  const external = process.env.DATABASE_URL;
  const settings = EMBEDDED[purpose];
  const embedded = external
    ? undefined
    : await startEmbeddedDatabase({
        dataDir: path.join(PROJECT_ROOT, settings.dir),
        port: Number(process.env.GLOSSA_DB_PORT ?? settings.port),
        database: settings.database,
      });
  const url = external ?? embedded!.url;
  try {
    await checkDatabaseConnection(url);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  return { url, kind: embedded ? "embedded" : "external", stop: () => embedded?.stop() ?? Promise.resolve() };
}

/** `resolveDatabase`, then applies pending migrations. */
export async function prepareDatabase(purpose: DatabasePurpose): Promise<PreparedDatabase> {
  const database = await resolveDatabase(purpose);
  try {
    return { ...database, appliedMigrations: await applyMigrations(database.url) };
  } catch (error) {
    await database.stop();
    throw error;
  }
}
