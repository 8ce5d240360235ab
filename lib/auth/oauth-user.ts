import "server-only";
import type { Account, Profile, User } from "next-auth";
import { db } from "@/lib/db/client";
import { freeHandleFrom } from "./handles";

/**
 * The address a provider vouches for: an OpenID Connect provider's (Google)
 * when its `email_verified` claim is true. GitHub's profile says nothing
 * about verification (next-auth falls back to the primary address whether
 * or not it is verified), so a GitHub account confirms an address in its
 * settings like anyone else.
 */
export function vouchedEmail(profile: Profile | undefined): string | null {
  const claims = profile as { email?: unknown; email_verified?: unknown } | undefined;
  return claims?.email_verified === true && typeof claims.email === "string" && claims.email.length <= 254 ? claims.email.toLowerCase() : null;
}

/**
 * The Glossa account for an OAuth sign-in: the one already linked to this
 * provider account, or a new one (with a handle derived from the provider's
 * login or name, and the address the provider vouches for, confirmed, when
 * no other account uses it). Email addresses from providers are never used
 * to merge accounts, so nobody can take over an account by registering its
 * email elsewhere. Returns null for a banned or deleted account.
 */
export async function userForOAuth(account: Account, profile: Profile | undefined, user: User): Promise<{ id: string; sessionVersion: number } | null> {
  const linked = await db.account.findUnique({
    where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } },
    select: { user: { select: { id: true, sessionVersion: true, standing: true, deletedAt: true } } },
  });
  if (linked) {
    const { id, sessionVersion, standing, deletedAt } = linked.user;
    return standing === "BANNED" || deletedAt ? null : { id, sessionVersion };
  }
  const login = (profile as { login?: string } | undefined)?.login;
  const name = user.name ?? login ?? "Reader";
  const email = vouchedEmail(profile);
  const free = email !== null && !(await db.user.findUnique({ where: { email }, select: { id: true } }));
  const created = await db.user.create({
    data: {
      ...(free ? { email, emailVerified: new Date() } : {}),
      handle: await freeHandleFrom(login ?? name),
      name: name.slice(0, 60),
      image: user.image ?? null,
      accounts: { create: { type: account.type, provider: account.provider, providerAccountId: account.providerAccountId } },
    },
    select: { id: true, sessionVersion: true },
  });
  return created;
}
