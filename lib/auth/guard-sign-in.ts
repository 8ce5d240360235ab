import "server-only";
import { consume, LIMITS, reset } from "@/lib/rate-limit/limits";
import type { TrustedDevice } from "./device-cookie";

/** One password sign-in attempt, as the route reads it. */
export interface SignInAttempt {
  /** The email next-auth will authenticate, normalised (lib/auth/read-auth-body.ts attemptedEmail); "" when none was sent. */
  email: string;
  /** The client's address (lib/rate-limit/client-ip.ts). */
  ip: string;
  /** The browser's device cookie, when it is valid for this email. */
  device: TrustedDevice | null;
}

/**
 * Counts a password sign-in attempt against the limits before any password
 * is checked; over a limit it is refused with 429. Every attempt counts 6 a
 * minute and 30 an hour against its address. Then, per account:
 *
 * - from a browser that signed in to this account before (a valid device
 *   cookie), 10 per 10 minutes against that device alone;
 * - from anywhere else, 10 per 10 minutes against the account's shared
 *   "unknown devices" counter.
 *
 * So guessing at an account from many addresses is still slowed, but it no
 * longer locks the owner out: a probe's ten wrong passwords from ten
 * addresses used to refuse the owner's right one for 10 minutes, renewable
 * for as long as the attacker kept going. Limits are windows, not lockouts:
 * they lift on their own.
 */
export async function guardSignIn({ email, ip, device }: SignInAttempt): Promise<void> {
  await consume([
    { rule: LIMITS.signInPerIpMinute, key: ip },
    { rule: LIMITS.signInPerIpHour, key: ip },
    ...(email ? [device ? { rule: LIMITS.signInPerDevice, key: device.id } : { rule: LIMITS.signInPerAccount, key: email }] : []),
  ]);
}

/**
 * After a successful password sign-in from a trusted device, forgets that
 * device's failures (the owner's typos should not add up across sign-ins).
 * The account's unknown-devices counter is left alone: resetting it would
 * hand an attacker a fresh ten guesses each time the owner signs in.
 */
export async function recordSignInSuccess(device: TrustedDevice | null): Promise<void> {
  if (device) await reset(LIMITS.signInPerDevice, device.id);
}
