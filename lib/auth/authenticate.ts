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
 * registered.
 */
export async function authenticate(credentials: unknown): Promise<AuthenticatedUser | null> {
  const parsed = signInSchema.safeParse(credentials);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, name: true, email: true, passwordHash: true, sessionVersion: true, standing: true, deletedAt: true },
  });
  if (!user?.passwordHash) return verifyAgainstNothing(password).then(() => null);
  const valid = await verifyPassword(user.passwordHash, password);
  if (!valid || user.deletedAt || user.standing === "BANNED") return null;
  return { id: user.id, name: user.name, email: user.email!, sessionVersion: user.sessionVersion };
}
