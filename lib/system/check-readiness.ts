import "server-only";
import { queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";

/** How long readiness waits for the database: well above a healthy round trip (~0.3 ms), well below a load balancer's probe interval. */
export const READINESS_TIMEOUT_MS = 1_000;

/** What GET /api/ready reports. */
export interface Readiness {
  database: "ok" | "unavailable";
}

/**
 * Whether this instance can serve requests that need the database: one
 * `SELECT 1` through the shared pool, given at most `READINESS_TIMEOUT_MS`.
 * A stopped (SIGSTOP) server would otherwise hold the probe until the pool's
 * own query timeout. Never throws: an unreachable database is an answer.
 * (Liveness, which needs no database, is GET /api/health.)
 */
export async function checkReadiness(timeoutMs = READINESS_TIMEOUT_MS): Promise<Readiness> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
    timer.unref();
  });
  try {
    const answer = await Promise.race([queryRows<{ ok: number }>(Prisma.sql`SELECT 1 AS ok`), timedOut]);
    return { database: answer !== "timeout" && answer[0]?.ok === 1 ? "ok" : "unavailable" };
  } catch {
    return { database: "unavailable" };
  } finally {
    clearTimeout(timer);
  }
}
