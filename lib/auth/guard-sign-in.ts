import "server-only";
import { clientIp } from "@/lib/rate-limit/client-ip";
import { consume, LIMITS } from "@/lib/rate-limit/limits";

/**
 * Counts a password sign-in attempt against the limits: 6 a minute and 30 an
 * hour per IP, 10 per 10 minutes per account (keyed by the email typed, so
 * guessing at one account from many addresses is slowed too). Over a limit
 * the attempt is refused with 429 before any password is checked. Limits are
 * windows, not lockouts: they lift on their own.
 */
export async function guardSignIn(request: Request): Promise<void> {
  const form = new URLSearchParams(await request.clone().text());
  const email = (form.get("email") ?? "").trim().toLowerCase().slice(0, 254);
  const ip = clientIp(request.headers);
  await consume([
    { rule: LIMITS.signInPerIpMinute, key: ip },
    { rule: LIMITS.signInPerIpHour, key: ip },
    ...(email ? [{ rule: LIMITS.signInPerAccount, key: email }] : []),
  ]);
}
