import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { emailConfirmationMail } from "@/lib/mail/account-mail";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { linkTokenHash, newLinkToken } from "./link-token";

/** How long a confirmation link works. */
export const CONFIRM_LINK_HOURS = 24;

/**
 * Mails a link that confirms `email` for the account, in the caller's
 * transaction: VERIFY for the account's own address (sign-up, or "send the
 * link again"), CHANGE for a new address that replaces the old one once
 * confirmed. A newer link for the same purpose replaces the older; only the
 * token's hash is stored.
 */
export async function sendEmailConfirmation(
  tx: Prisma.TransactionClient,
  account: { id: string; name: string },
  purpose: "VERIFY" | "CHANGE",
  email: string,
  origin: string,
  now = new Date(),
): Promise<void> {
  const token = newLinkToken();
  await tx.emailConfirmation.deleteMany({ where: { userId: account.id, purpose } });
  await tx.emailConfirmation.create({ data: { userId: account.id, purpose, email, tokenHash: linkTokenHash(token), expiresAt: new Date(now.getTime() + CONFIRM_LINK_HOURS * 3_600_000) } });
  await enqueueMail(tx, { ...emailConfirmationMail(purpose, email, account.name, `${origin}/verify-email?token=${token}`, CONFIRM_LINK_HOURS), userId: account.id });
}
