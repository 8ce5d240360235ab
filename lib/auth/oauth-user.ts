import "server-only";
import type { Account, Profile, User } from "next-auth";
import { db } from "@/lib/db/client";
import { freeHandleFrom } from "./handles";

/**
 * The Glossa account for an OAuth sign-in: the one already linked to this
 * provider account, or a new one (with a handle derived from the provider's
 * login or name). Email addresses from providers are not used to merge
 * accounts, so nobody can take over an account by registering its email
 * elsewhere. Returns null for a banned or deleted account.
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
  const created = await db.user.create({
    data: {
      handle: await freeHandleFrom(login ?? name),
      name: name.slice(0, 60),
      image: user.image ?? null,
      accounts: { create: { type: account.type, provider: account.provider, providerAccountId: account.providerAccountId } },
    },
    select: { id: true, sessionVersion: true },
  });
  return created;
}
