import pg from "pg";
import { applyMigrations } from "@/lib/db/migrations";
import { resolveDatabase } from "@/lib/db/prepare";

export interface FreshDatabase {
  url: string;
  stop(): Promise<void>;
}

/** The same server as `url`, another database on it. */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * A new, empty, migrated database for one test run, on the embedded test
 * server or, when DATABASE_URL is set, beside that database on the same
 * server (never the configured database itself, whose data is not ours).
 */
export async function createFreshDatabase(suffix: string, options: { migrate?: boolean } = {}): Promise<FreshDatabase> {
  const server = await resolveDatabase("test");
  const base = new URL(server.url).pathname.replace(/^\//, "") || "postgres";
  const name = `${base}_glossa_${suffix}`.replace(/[^a-zA-Z0-9_]/g, "_").toLowerCase();
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabaseName(server.url, name);
  if (options.migrate !== false) await applyMigrations(url);
  return { url, stop: server.stop };
}
