import "server-only";
import { Redis } from "ioredis";
import type pg from "pg";
import { sharedPool } from "@/lib/db/pool";
import { serverEnv } from "@/lib/env";

// One Redis client per process for every limiter, kept on globalThis so
// Next's dev reloads do not leak connections; without Redis, the counters
// live in PostgreSQL and use the instance's one pool.
const globalForLimits = globalThis as unknown as { glossaLimitRedis?: Redis };

/** Where counters live: Redis when REDIS_URL is set, else the app's PostgreSQL (table rate_limits). */
export type LimitStore = { kind: "redis"; client: Redis } | { kind: "postgres"; pool: pg.Pool };

/** The shared store, so several app instances count together. */
export function limitStore(): LimitStore {
  const redisUrl = serverEnv().REDIS_URL;
  if (redisUrl) {
    globalForLimits.glossaLimitRedis ??= new Redis(redisUrl, { enableOfflineQueue: false, lazyConnect: false, maxRetriesPerRequest: 1 });
    return { kind: "redis", client: globalForLimits.glossaLimitRedis };
  }
  return { kind: "postgres", pool: sharedPool() };
}

/** Closes the store's connections (tests and scripts). */
export async function closeLimitStore(): Promise<void> {
  globalForLimits.glossaLimitRedis?.disconnect();
  globalForLimits.glossaLimitRedis = undefined;
}
