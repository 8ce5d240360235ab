/** Node socket errors that mean the database cannot be reached right now. */
const UNREACHABLE_SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN"]);

/**
 * PostgreSQL SQLSTATEs of a server that is going away, starting, or full:
 * class 08 (connection exceptions), 57P01–57P03 (shutdown, crash, cannot
 * connect now), 57014 (statement timeout), 53300 (too many connections).
 */
const UNAVAILABLE_SQLSTATES = /^(08|57P0[123]$|57014$|53300$)/;

/** Prisma's codes for the same: cannot reach (P1001), timed out (P1008), closed (P1017), pool timeout (P2024). */
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);

/** Driver-adapter error kinds for the same. */
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TlsConnectionError"]);

/** pg's own messages when the pool or a connection gives up (it sets no code on these). */
const UNAVAILABLE_MESSAGES =
  /timeout exceeded when trying to connect|Connection terminated|Query read timeout|connection timeout|Client has encountered a connection error|the database system is (starting up|shutting down)/i;

/** PostgreSQL SQLSTATEs for a value it cannot store: 22021 (NUL or bad encoding), 22003 (out of range), 22P02 (bad input syntax), 22001 (too long). */
const UNSTORABLE_SQLSTATES = new Set(["22021", "22003", "22P02", "22001"]);

function* causes(error: unknown): Generator<Record<string, unknown>> {
  let current = error;
  for (let depth = 0; depth < 6 && current && typeof current === "object"; depth++) {
    const record = current as Record<string, unknown>;
    yield record;
    current = record.cause;
  }
}

/** What a database failure means for the caller: try again later, fix the input, or neither. */
export type DatabaseFailure = "unavailable" | "unstorable" | null;

/**
 * Classifies an error thrown by pg, Prisma or its pg adapter (following the
 * `cause` chain): "unavailable" when the database is unreachable, timing
 * out or full, so the request may be retried (503); "unstorable" when the
 * value was refused by a type rule that validation should have caught (400).
 */
export function classifyDatabaseError(error: unknown): DatabaseFailure {
  for (const record of causes(error)) {
    const code = typeof record.code === "string" ? record.code : undefined;
    const kind = typeof record.kind === "string" ? record.kind : undefined;
    const originalCode = typeof record.originalCode === "string" ? record.originalCode : undefined;
    if (code && (UNREACHABLE_SOCKET_CODES.has(code) || UNAVAILABLE_PRISMA_CODES.has(code) || (/^[0-9A-Z]{5}$/.test(code) && UNAVAILABLE_SQLSTATES.test(code)))) return "unavailable";
    if (kind && UNAVAILABLE_ADAPTER_KINDS.has(kind)) return "unavailable";
    if (originalCode && UNAVAILABLE_SQLSTATES.test(originalCode)) return "unavailable";
    if ((code && UNSTORABLE_SQLSTATES.has(code)) || (originalCode && UNSTORABLE_SQLSTATES.has(originalCode))) return "unstorable";
    if (typeof record.message === "string" && UNAVAILABLE_MESSAGES.test(record.message)) return "unavailable";
  }
  return null;
}
