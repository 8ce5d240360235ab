import "server-only";
import pg from "pg";
import { databaseUrl, serverEnv } from "@/lib/env";
import { SESSION_OPTIONS } from "./session-options";

/**
 * Limits that make a database outage fail fast instead of hanging requests.
 * With none, a stopped server held requests for 10.9 s and a killed one
 * answered 500s; now a request learns within about two seconds that the
 * database is unreachable and answers 503 with Retry-After.
 * - connecting: 2 s (a healthy local connect takes ~5 ms);
 * - a query, measured by the client (a SIGSTOPped server cannot enforce its
 *   own timeout): 2.5 s, far above the slowest request (the 10,000-comment
 *   thread, ~70 ms); at 5 s, bench:faults measured a 5.0 s p95 while the
 *   server was stopped;
 * - the server's statement_timeout 2 s and idle_in_transaction 5 s, so a
 *   stuck transaction cannot hold locks for long.
 */
export const POOL_TIMEOUTS = { connectMs: 2_000, queryMs: 2_500, statementMs: 2_000, idleInTransactionMs: 5_000 } as const;

// Prisma stores DateTime as "timestamp without time zone" holding UTC; pg
// would read those in the server's local zone.
const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.TIMESTAMP ? (value: string) => new Date(`${value.replace(" ", "T")}Z`) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

const globalForPool = globalThis as unknown as { glossaPool?: pg.Pool };

/**
 * The one connection pool of this app instance: Prisma (through its pg
 * adapter), the raw-SQL gateway (lib/db/sql.ts) and the rate limiter all
 * draw from it, so the instance's connection budget is one number
 * (GLOSSA_DB_POOL_SIZE). Kept on globalThis so Next's dev reloads do not
 * leak pools; created on first use so `next build` needs no database.
 */
export function sharedPool(): pg.Pool {
  if (globalForPool.glossaPool) return globalForPool.glossaPool;
  const pool = new pg.Pool({
    connectionString: databaseUrl(),
    max: serverEnv().GLOSSA_DB_POOL_SIZE,
    connectionTimeoutMillis: POOL_TIMEOUTS.connectMs,
    query_timeout: POOL_TIMEOUTS.queryMs,
    keepAlive: true,
    options: `${SESSION_OPTIONS} -c statement_timeout=${POOL_TIMEOUTS.statementMs} -c idle_in_transaction_session_timeout=${POOL_TIMEOUTS.idleInTransactionMs}`,
    types,
  });
  // An idle connection the server dropped (a restart) must not crash the process; the pool replaces it.
  pool.on("error", () => undefined);
  globalForPool.glossaPool = pool;
  return pool;
}

/** Closes the pool (tests and scripts). */
export async function closeSharedPool(): Promise<void> {
  const pool = globalForPool.glossaPool;
  globalForPool.glossaPool = undefined;
  await pool?.end();
}
