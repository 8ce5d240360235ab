import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { emailChangedMail } from "@/lib/mail/account-mail";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { wakeOutbox } from "@/lib/mail/outbox-worker";
import { linkTokenHash } from "./link-token";

const LINK_SPENT = "This confirmation link has expired or was already used. Send a new one from your settings.";

function spent(): AppError {
  return new AppError("VALIDATION", LINK_SPENT, { fieldErrors: { token: [LINK_SPENT] } });
}

/**
 * Confirms an address with a mailed link's token. Facts, verdict, effects:
 * the link must exist, be unused and unexpired, belong to a live account,
 * and (to verify) still name that account's address; only then, in one
 * transaction, is it spent (conditionally, so two clicks at once cannot
 * both succeed) and the address counted as confirmed. A change also
 * replaces the address, ends the password-reset links mailed to the old one
 * and tells the old address what happened. Works signed out: the link is
 * the proof, whichever browser opens it.
 */
export async function confirmEmail(token: string, origin: string, now = new Date()): Promise<{ email: string; changed: boolean }> {
  const link = await db.emailConfirmation.findUnique({
    where: { tokenHash: linkTokenHash(token) },
    select: { id: true, userId: true, purpose: true, email: true, usedAt: true, expiresAt: true, user: { select: { email: true, name: true, deletedAt: true, standing: true } } },
  });
  if (!link || link.usedAt || link.expiresAt <= now || link.user.deletedAt || link.user.standing === "BANNED") throw spent();
  if (link.purpose === "VERIFY" && link.user.email !== link.email) throw spent();
  const changed = link.purpose === "CHANGE" && link.user.email !== link.email;
  try {
    await db.$transaction(async (tx) => {
      const { count } = await tx.emailConfirmation.updateMany({ where: { id: link.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
      if (count === 0) throw spent();
      await tx.user.update({ where: { id: link.userId }, data: { email: link.email, emailVerified: now } });
      if (!changed) return;
      await tx.emailConfirmation.deleteMany({ where: { userId: link.userId, id: { not: link.id } } });
      await tx.passwordReset.deleteMany({ where: { userId: link.userId } });
      if (link.user.email) await enqueueMail(tx, { ...emailChangedMail(link.user.email, link.user.name, link.email, `${origin}/settings`), userId: link.userId });
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "Another account now uses that address, so it cannot be yours here. Choose another in your settings.");
    }
    throw error;
  }
  wakeOutbox();
  return { email: link.email, changed };
}
