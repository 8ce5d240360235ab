import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { withSchemaEngine } from "./schema-engine";

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
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
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
 * Applies every migration in prisma/migrations not yet recorded in the
 * database's `_prisma_migrations` table, exactly as `prisma migrate deploy`
 * would. Returns the names of the migrations it applied (empty when the
 * database was already up to date).
 */
export async function applyMigrations(url: string, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrationsList = await readMigrationList(dir);
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
