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
  // Attempts from a browser holding a device cookie for the account (lib/auth/device-cookie.ts) count here instead of against the account.
  signInPerDevice: { name: "signin-device-10m", points: 10, durationSeconds: 600, what: "sign-in attempts from this browser" },
  // Reset links: three an hour to one address (counted whether or not an account uses it, so a refusal says nothing), ten an hour from one network.
  passwordResetPerEmail: { name: "reset-email-1h", points: 3, durationSeconds: 3600, what: "password reset requests for this address" },
  passwordResetPerIp: { name: "reset-ip-1h", points: 10, durationSeconds: 3600, what: "password reset requests from your network" },
  emailLinksPerUser: { name: "email-link-user-1h", points: 5, durationSeconds: 3600, what: "confirmation links" },
  signUpPerIp: { name: "signup-ip-1h", points: 5, durationSeconds: 3600, what: "new accounts from your network" },
  highlightsPerUser: { name: "highlight-user-1m", points: 60, durationSeconds: 60, what: "highlights" },
  commentsPerUser: { name: "comment-user-5s", points: 1, durationSeconds: 5, what: "comments" },
  // A probe made 200 edits in 8.7 s (200 revisions, 201 stream events) and
  // 200 vote toggles in 2.8 s. Ten edits in ten minutes is far more than
  // fixing typos needs; thirty votes a minute is a reader upvoting as fast as
  // they can read, and above the 20 a double-clicking burst sends.
  editsPerUser: { name: "edit-user-10m", points: 10, durationSeconds: 600, what: "edits" },
  votesPerUser: { name: "vote-user-1m", points: 30, durationSeconds: 60, what: "votes" },
  // A full data export reads every row a reader has (and their annotations' revisions): a few an hour is plenty for keeping a copy.
  accountExportsPerUser: { name: "account-export-user-1h", points: 5, durationSeconds: 3600, what: "full data exports" },
  // A notes export reads all of a reader's highlights and comments and the revisions they are on: a person downloads a few;
  // a script looping on it made the server re-read them as fast as it could ask.
  notesExportsPerUser: { name: "notes-export-user-10m", points: 30, durationSeconds: 600, what: "exports" },
  // A search reads three full-text indexes: a person searches a few times a minute; a scraper walking every word is what this stops.
  searchesPerIp: { name: "search-ip-1m", points: 60, durationSeconds: 60, what: "searches" },
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

/** A rule that is exhausted for its key, and how long until it allows one more action. */
export interface LimitWait {
  rule: LimitRule;
  retryAfterSeconds: number;
}

/** The RATE_LIMITED error (429, Retry-After) for an exhausted rule. */
export function rateLimitError({ rule, retryAfterSeconds }: LimitWait): AppError {
  return new AppError("RATE_LIMITED", `Too many ${rule.what}. Try again in ${waitPhrase(retryAfterSeconds)}.`, { retryAfterSeconds });
}

/**
 * Counts one action against each rule for its key, and refuses with
 * RATE_LIMITED (429, Retry-After) when any is exhausted. The count and the
 * check are one atomic step in the store, so concurrent requests cannot all
 * slip under the limit. Call it once the action is known to be allowed
 * (facts, then verdict, then this, then the write), so a refused action
 * spends nothing; `refund` if the write then fails.
 */
export async function consume(checks: readonly { rule: LimitRule; key: string }[]): Promise<void> {
  for (const { rule, key } of checks) {
    try {
      await limiterFor(rule).consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      throw rateLimitError({ rule, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) });
    }
  }
}

/** Gives back one counted action per rule, for an action that was counted but then not carried out (its write failed). */
export async function refund(checks: readonly { rule: LimitRule; key: string }[]): Promise<void> {
  for (const { rule, key } of checks) await limiterFor(rule).reward(key, 1);
}

/** Forgets a key's count (a successful sign-in clears its account's failures). */
export async function reset(rule: LimitRule, key: string): Promise<void> {
  await limiterFor(rule).delete(key);
}
