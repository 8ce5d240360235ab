import "server-only";
import { db } from "@/lib/db/client";
import { verifyAgainstNothing, verifyPassword } from "./password";
import { signInSchema } from "./schemas";

/** Who a successful sign-in is, for the session token. */
export interface AuthenticatedUser {
  id: string;
  name: string;
  email: string;
  sessionVersion: number;
}

/**
 * Checks an email and password. Returns null for every kind of failure (no
 * such account, wrong password, banned, deleted) after the same amount of
 * work, so neither the answer nor its timing reveals whether an email is
 * registered. A banned account whose password was right is also null, but
 * `onBanned` hears of it: only someone who knows the password learns of the
 * ban (and may read why and appeal, lib/auth/sanction-token.ts).
 */
export async function authenticate(credentials: unknown, onBanned?: (userId: string) => void): Promise<AuthenticatedUser | null> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true, sessionVersion: true, standing: true, deletedAt: true },
  });
  if (!user?.passwordHash) return verifyAgainstNothing(password).then(() => null);
  const valid = await verifyPassword(user.passwordHash, password);
  if (!valid || user.deletedAt) return null;
  if (user.standing === "BANNED") {
    onBanned?.(user.id);
    return null;
  }
  return { id: user.id, name: user.name, email: user.email!, sessionVersion: user.sessionVersion };
}
