import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { wakeOutbox } from "@/lib/mail/outbox-worker";
import { consume, LIMITS } from "@/lib/rate-limit/limits";
import { verifyPassword } from "./password";
import type { RequestEmailChangeInput } from "./schemas";
import { sendEmailConfirmation } from "./send-email-confirmation";

/** What a change request is answered, whether or not the address is free: the form cannot be used to learn who has an account. */
export function emailChangeRequested(email: string): string {
  return `We sent a link to ${email}. Your address changes when you open it; until then mail goes to the old one.`;
}

/**
 * Starts a change of the reader's address: the new one gets a link and
 * replaces the old only when it is opened (lib/auth/confirm-email.ts).
 * Facts, verdict, effects: the current password is checked for an account
 * that has one (a borrowed session alone cannot move the account's mail
 * elsewhere), the new address must differ; only then is the limit spent and
 * the link mailed. An address another account uses gets no mail, but the
 * same answer.
 */
export async function requestEmailChange(userId: string, input: RequestEmailChangeInput, origin: string): Promise<{ message: string }> {
  const account = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, email: true, passwordHash: true } });
  if (account.passwordHash && !(input.password && (await verifyPassword(account.passwordHash, input.password)))) {
    throw new AppError("VALIDATION", "Your password is not right.", { fieldErrors: { password: ["That is not your password."] } });
  }
  if (input.email === account.email) throw new AppError("VALIDATION", "That is already your address.", { fieldErrors: { email: ["That is already your address."] } });
  await consume([{ rule: LIMITS.emailLinksPerUser, key: userId }]);
  const taken = await db.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (!taken) {
    await db.$transaction((tx) => sendEmailConfirmation(tx, account, "CHANGE", input.email, origin));
    wakeOutbox();
  }
  return { message: emailChangeRequested(input.email) };
}
