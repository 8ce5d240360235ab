import "server-only";
import net from "node:net";
import pg from "pg";
import { databaseUrl, serverEnv } from "@/lib/env";
import { SESSION_OPTIONS } from "./session-options";

/**
 * Limits that make a database outage fail fast instead of hanging requests.
 * With none, a stopped server held requests for 10.9 s and a killed one
 * answered 500s; now a request learns within about two seconds that the
 * database is unreachable and answers 503 with Retry-After.
 * - connecting: 2 s (a healthy local connect takes ~5 ms);
 * - the read deadline, kept by the client (a SIGSTOPped server cannot
 *   enforce its own timeout): 2.5 s without a byte from the server while a
 *   connection is checked out, far above the slowest request (the
 *   10,000-comment thread, ~50 ms); at 5 s, bench:faults measured a 5.0 s
 *   p95 while the server was stopped;
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

/** pg's Client says whether it is waiting for no reply; its type does not. */
type PooledClient = pg.PoolClient & { readyForQuery?: boolean };

/**
 * The read deadline: while a connection is checked out, a server that sends
 * nothing for `ms` (one stopped with SIGSTOP, or a dead network) while a
 * query waits for its reply has its socket closed, so the query fails with
 * "Connection terminated" (a 503) instead of hanging, and the pool drops the
 * connection. A transaction that spends longer than that in its own code
 * between two queries is left alone (the socket's timer starts again with
 * the next query sent). 0 disarms it when the connection returns to the
 * pool. This replaces pg's `query_timeout`, which starts a timer of its own
 * for every query: with it, the 10,000-comment thread took 1.23× the p50 and
 * 1.5× the app's CPU per request of 1f77401 (the last commit before the
 * shared pool); with the socket's one timer, 0.97× and 0.93× (two
 * instances, same data, same small client, three alternating rounds).
 */
function armReadDeadline(client: PooledClient, ms: number): void {
  const socket = client.connection?.stream;
  if (!(socket instanceof net.Socket)) return;
  if (ms === 0) {
    socket.setTimeout(0);
    return;
  }
  socket.setTimeout(ms);
  if (socket.listenerCount("timeout") === 0) socket.on("timeout", () => client.readyForQuery === false && socket.destroy());
}

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
    keepAlive: true,
    options: `${SESSION_OPTIONS} -c statement_timeout=${POOL_TIMEOUTS.statementMs} -c idle_in_transaction_session_timeout=${POOL_TIMEOUTS.idleInTransactionMs}`,
    types,
  });
  // An idle connection the server dropped (a restart) must not crash the process; the pool replaces it.
  pool.on("error", () => undefined);
  // A checked-out connection has no pool listener for errors: without this one, a connection closed between two queries would crash the process.
  pool.on("connect", (client) => client.on("error", () => undefined));
  pool.on("acquire", (client) => armReadDeadline(client, POOL_TIMEOUTS.queryMs));
  pool.on("release", (_error, client) => armReadDeadline(client, 0));
  globalForPool.glossaPool = pool;
  return pool;
}

/** Closes the pool (tests and scripts). */
export async function closeSharedPool(): Promise<void> {
  const pool = globalForPool.glossaPool;
  globalForPool.glossaPool = undefined;
  await pool?.end();
}
