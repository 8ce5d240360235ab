import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

// Migrations live in Prisma's own folder format (prisma/migrations/<name>/
// migration.sql plus migration_lock.toml), so `prisma migrate deploy` works
// wherever Prisma's native engine can be downloaded; here they are applied by
// the same engine compiled to WebAssembly.

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma", "migrations");
export const SCHEMA_PATH = path.join(PROJECT_ROOT, "prisma", "schema.prisma");
/** The schema as of the newest migration: what `db:diff` diffs against. */
export const SCHEMA_SNAPSHOT_PATH = path.join(MIGRATIONS_DIR, "schema.snapshot.prisma");

const NO_FILTERS = { externalTables: [], externalEnums: [] };

async function readMigrationList(dir: string) {
  const entries = existsSync(dir) ? await readdir(dir, { withFileTypes: true }) : [];
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrationDirectories = await Promise.all(
    names.map(async (name) => {
      const file = path.join(dir, name, "migration.sql");
      const content = await readFile(file, "utf8").then(
        (value) => ({ tag: "ok" as const, value }),
        (error: Error) => ({ tag: "error" as const, value: error.message }),
      );
      return { path: name, migrationFile: { path: "migration.sql", content } };
    }),
  );
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? await readFile(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories,
  };
}

/**
 * Whether every migration in the list is recorded as finished (and not rolled
 * back) in the database's `_prisma_migrations` table. Answering this with one
 * query lets the usual start, where nothing is pending, skip the schema
 * engine: loading its WebAssembly costs most of a second, and a timer it
 * leaves behind keeps a command-line process alive for ten more.
 */
async function allRecordedAsApplied(url: string, names: string[]): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const table = await client.query<{ present: boolean }>("select to_regclass('_prisma_migrations') is not null as present");
    if (!table.rows[0]?.present) return false;
    const done = await client.query<{ migration_name: string }>(
      "select migration_name from _prisma_migrations where finished_at is not null and rolled_back_at is null and migration_name = any($1::text[])",
      [names],
    );
    return new Set(done.rows.map((row) => row.migration_name)).size === names.length;
  } finally {
    await client.end();
  }
}

/**
 * Applies every migration in prisma/migrations not yet recorded in the
 * database's `_prisma_migrations` table, exactly as `prisma migrate deploy`
 * would. Returns the names of the migrations it applied (empty when the
 * database was already up to date).
 */
export async function applyMigrations(url: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrationsList = await readMigrationList(dir);
  // Anything else (a pending, failed or rolled-back migration) goes to the engine, which applies or reports it.
  if (
    await allRecordedAsApplied(
      url,
      migrationsList.migrationDirectories.map((entry) => entry.path),
    )
  )
    return [];
  // Loaded here, not at the top: the engine's modules are only needed when there is work for it.
  const { withSchemaEngine } = await import("./schema-engine");
  return withSchemaEngine(url, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList, filters: NO_FILTERS });
    return result.appliedMigrationNames;
  });
}

/**
 * The SQL that turns a database shaped like `fromSchema` (null: an empty
 * database) into one shaped like `toSchema`. Pure datamodel diffing: nothing
 * is read from or written to the database (the engine only insists on a live
 * connection at `url`), and no shadow database is made.
 */
export async function diffSchemas(url: string, fromSchema: string | null, toSchema: string): Promise<string> {
  const { withSchemaEngine } = await import("./schema-engine");
  return withSchemaEngine(url, async (engine) => {
    const result = await engine.diff({
      from: fromSchema === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: fromSchema }] },
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: toSchema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return result.stdout ?? "";
  });
}
