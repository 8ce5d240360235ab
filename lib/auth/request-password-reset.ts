import "server-only";
import { db } from "@/lib/db/client";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { wakeOutbox } from "@/lib/mail/outbox-worker";
import { passwordResetMail } from "@/lib/mail/password-reset-mail";
import { consume, LIMITS } from "@/lib/rate-limit/limits";
import { linkTokenHash, newLinkToken } from "./link-token";

/** How long a reset link works. */
export const RESET_LINK_MINUTES = 30;

/** What every request is answered, whether or not an account uses the address. */
export const RESET_REQUESTED = "If an account uses that address, a link to choose a new password is on its way. It works for 30 minutes.";

/**
 * Mails a reset link to the account with this email, if there is one (not
 * deleted, not banned). The limits are counted first and for every address,
 * so a refusal (429) says nothing about whether an account exists. The token
 * is 256 random bits, stored only as its hash; a newer request deletes the
 * older links. The message goes through the outbox, in the same transaction.
 */
export async function requestPasswordReset(email: string, ip: string, origin: string): Promise<void> {
  await consume([
    { rule: LIMITS.passwordResetPerIp, key: ip },
    { rule: LIMITS.passwordResetPerEmail, key: email },
  ]);
  const account = await db.user.findUnique({ where: { email }, select: { id: true, name: true, deletedAt: true, standing: true } });
  if (!account || account.deletedAt || account.standing === "BANNED") return;
  const token = newLinkToken();
  await db.$transaction(async (tx) => {
    await tx.passwordReset.deleteMany({ where: { userId: account.id } });
    await tx.passwordReset.create({ data: { userId: account.id, tokenHash: linkTokenHash(token), expiresAt: new Date(Date.now() + RESET_LINK_MINUTES * 60_000) } });
    await enqueueMail(tx, { ...passwordResetMail(email, account.name, `${origin}/reset-password?token=${token}`, RESET_LINK_MINUTES), userId: account.id });
  });
  wakeOutbox();
}
