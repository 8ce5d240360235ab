import "server-only";
import { Redis } from "ioredis";
import pg from "pg";

// One connection pool (or Redis client) per process for every limiter, kept
// on globalThis so Next's dev reloads do not leak connections.
const globalForLimits = globalThis as unknown as { glossaLimitPool?: pg.Pool; glossaLimitRedis?: Redis };

/** Where counters live: Redis when REDIS_URL is set, else the app's PostgreSQL (table rate_limits). */
export type LimitStore = { kind: "redis"; client: Redis } | { kind: "postgres"; pool: pg.Pool };

/** The shared store, so several app instances count together. */
export function limitStore(): LimitStore {
  if (process.env.REDIS_URL) {
    globalForLimits.glossaLimitRedis ??= new Redis(process.env.REDIS_URL, { enableOfflineQueue: false, lazyConnect: false, maxRetriesPerRequest: 1 });
    return { kind: "redis", client: globalForLimits.glossaLimitRedis };
  }
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: rate limits are kept in the database.");
  globalForLimits.glossaLimitPool ??= new pg.Pool({ connectionString, max: 4 });
  return { kind: "postgres", pool: globalForLimits.glossaLimitPool };
}

/** Closes the store's connections (tests and scripts). */
export async function closeLimitStore(): Promise<void> {
  await globalForLimits.glossaLimitPool?.end();
  globalForLimits.glossaLimitPool = undefined;
  globalForLimits.glossaLimitRedis?.disconnect();
  globalForLimits.glossaLimitRedis = undefined;
}
