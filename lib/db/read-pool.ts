import "server-only";
import { createHash } from "node:crypto";
import pg from "pg";
import type { Prisma } from "@/lib/generated/prisma/client";
import { SESSION_OPTIONS } from "./session-options";

// Prisma stores DateTime as "timestamp without time zone" holding UTC; pg
// would read those in the server's local zone.
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.TIMESTAMP ? (value: string) => new Date(`${value.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

const globalForReads = globalThis as unknown as { glossaReadPool?: pg.Pool };

function pool(): pg.Pool {
  if (globalForReads.glossaReadPool) return globalForReads.glossaReadPool;
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: start Glossa with `npm run dev` or `npm start`, which prepare the database first.");
  globalForReads.glossaReadPool = new pg.Pool({ connectionString, max: Number(process.env.GLOSSA_DB_POOL_SIZE ?? 10), options: SESSION_OPTIONS, types });
  return globalForReads.glossaReadPool;
}

/**
 * Runs a read-only query on the hottest read path through `pg` directly, as
 * a named prepared statement: PostgreSQL plans it once per connection, and
 * the rows skip Prisma's per-row conversion. For a 10,000-comment thread that
 * is 44 ms instead of 65. Writes stay on Prisma.
 */
export async function readRows<Row>(query: Prisma.Sql): Promise<Row[]> {
  const name = `glossa_${createHash("sha1").update(query.text).digest("hex").slice(0, 16)}`;
  const result = await pool().query({ name, text: query.text, values: query.values as unknown[] });
  return result.rows as Row[];
}

/** Closes the read pool (tests and scripts). */
export async function closeReadPool(): Promise<void> {
  await globalForReads.glossaReadPool?.end();
  globalForReads.glossaReadPool = undefined;
}
