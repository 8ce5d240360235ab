import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashPassword } from "./password";
import { linkTokenHash } from "./link-token";

const LINK_SPENT = "This reset link has expired or was already used. Ask for a new one.";

function spent(): AppError {
  return new AppError("VALIDATION", LINK_SPENT, { fieldErrors: { token: [LINK_SPENT] } });
}

/**
 * Sets a new password with a mailed link's token. Facts, verdict, effects:
 * the link must exist, be unused, unexpired and the newest for a live
 * account, and the password must not be the email or handle; only then is
 * anything written, in one transaction: the link is spent (conditionally,
 * so two uses at once cannot both succeed), the password replaced, every
 * session ended (session version), the other links deleted, and the
 * address counted as verified (the reader just proved they read its mail).
 */
export async function resetPassword(token: string, password: string, now = new Date()): Promise<{ email: string }> {
  const link = await db.passwordReset.findUnique({
    where: { tokenHash: linkTokenHash(token) },
    select: { id: true, userId: true, usedAt: true, expiresAt: true, user: { select: { email: true, handle: true, deletedAt: true, standing: true, emailVerified: true } } },
  });
  if (!link || link.usedAt || link.expiresAt <= now || !link.user.email || link.user.deletedAt || link.user.standing === "BANNED") throw spent();
  const lowered = password.trim().toLowerCase();
  if (lowered === link.user.email || lowered === link.user.handle) {
    throw new AppError("VALIDATION", "Choose a password that is not your email or handle.", { fieldErrors: { password: ["Choose a password that is not your email or handle."] } });
  }
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    const { count } = await tx.passwordReset.updateMany({ where: { id: link.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (count === 0) throw spent();
    await tx.user.update({ where: { id: link.userId }, data: { passwordHash, sessionVersion: { increment: 1 }, emailVerified: link.user.emailVerified ?? now } });
    await tx.passwordReset.deleteMany({ where: { userId: link.userId, id: { not: link.id } } });
  });
  return { email: link.user.email };
}
