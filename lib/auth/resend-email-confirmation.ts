import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { wakeOutbox } from "@/lib/mail/outbox-worker";
import { consume, LIMITS } from "@/lib/rate-limit/limits";
import { sendEmailConfirmation } from "./send-email-confirmation";

/** Mails the reader a new link confirming their address ("I did not get it"), replacing the older link; 5 an hour. */
export async function resendEmailConfirmation(userId: string, origin: string): Promise<{ message: string }> {
  const account = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, email: true, emailVerified: true } });
  if (!account.email) throw new AppError("VALIDATION", "Your account has no email address yet: add one in your settings.");
  if (account.emailVerified) throw new AppError("CONFLICT", "Your address is already confirmed.");
  await consume([{ rule: LIMITS.emailLinksPerUser, key: userId }]);
  await db.$transaction((tx) => sendEmailConfirmation(tx, account, "VERIFY", account.email!, origin));
  wakeOutbox();
  return { message: `We sent a new link to ${account.email}. It works for 24 hours.` };
}
