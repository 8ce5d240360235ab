import "server-only";
import { RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { AppError } from "@/lib/errors";
import { limitStore } from "./store";

/** A named limit: at most `points` actions per `durationSeconds`, per key. */
export interface LimitRule {
  name: string;
  points: number;
  durationSeconds: number;
  /** What was limited, for the message ("sign-in attempts"). */
  what: string;
}

/** Every limit the app enforces, in one place. */
export const LIMITS = {
  signInPerIpMinute: { name: "signin-ip-1m", points: 6, durationSeconds: 60, what: "sign-in attempts" },
  signInPerIpHour: { name: "signin-ip-1h", points: 30, durationSeconds: 3600, what: "sign-in attempts" },
  signInPerAccount: { name: "signin-account-10m", points: 10, durationSeconds: 600, what: "sign-in attempts for this account" },
  signUpPerIp: { name: "signup-ip-1h", points: 5, durationSeconds: 3600, what: "new accounts from your network" },
  highlightsPerUser: { name: "highlight-user-1m", points: 60, durationSeconds: 60, what: "highlights" },
  commentsPerUser: { name: "comment-user-5s", points: 1, durationSeconds: 5, what: "comments" },
} satisfies Record<string, LimitRule>;

const limiters = new Map<string, RateLimiterAbstract>();

function limiterFor(rule: LimitRule): RateLimiterAbstract {
  let limiter = limiters.get(rule.name);
  if (limiter) return limiter;
  const store = limitStore();
  const options = { keyPrefix: rule.name, points: rule.points, duration: rule.durationSeconds };
  // Windows expire on their own: there is no permanent lockout an attacker
  // could inflict on someone else's account.
  limiter =
    store.kind === "redis"
      ? new RateLimiterRedis({ ...options, storeClient: store.client })
      : new RateLimiterPostgres({ ...options, storeClient: store.pool, storeType: "pool", tableName: "rate_limits", tableCreated: true, clearExpiredByTimeout: true });
  limiters.set(rule.name, limiter);
  return limiter;
}

function waitPhrase(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/**
 * Counts one action against each rule for its key, and refuses with
 * RATE_LIMITED (429, Retry-After) when any is exhausted.
 */
export async function consume(checks: readonly { rule: LimitRule; key: string }[]): Promise<void> {
  for (const { rule, key } of checks) {
    try {
      await limiterFor(rule).consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new AppError("RATE_LIMITED", `Too many ${rule.what}. Try again in ${waitPhrase(seconds)}.`, { retryAfterSeconds: seconds });
    }
  }
}

/** Forgets a key's count (a successful sign-in clears its account's failures). */
export async function reset(rule: LimitRule, key: string): Promise<void> {
  await limiterFor(rule).delete(key);
}
