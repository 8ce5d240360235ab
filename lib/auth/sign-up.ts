import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { wakeOutbox } from "@/lib/mail/outbox-worker";
import { hashPassword } from "./password";
import { sendEmailConfirmation } from "./send-email-confirmation";
import type { SignUpInput } from "./schemas";

/**
 * Creates a reader's account and, in the same transaction, mails the link
 * that confirms its address (when `origin` says where links point; without
 * one, the reader asks for the link again from their settings). A taken
 * handle is said plainly (handles are public); a taken email gets the same
 * generic refusal as any other problem with it, so the form cannot be used
 * to learn who has an account.
 */
export async function signUp(input: SignUpInput, origin: string | null = null): Promise<{ id: string; handle: string }> {
  const passwordHash = await hashPassword(input.password);
  try {
    const account = await db.$transaction(async (tx) => {
      const created = await tx.user.create({ data: { email: input.email, handle: input.handle, name: input.name, passwordHash }, select: { id: true, handle: true, name: true } });
      if (origin) await sendEmailConfirmation(tx, created, "VERIFY", input.email, origin);
      return created;
    });
    if (origin) wakeOutbox();
    return { id: account.id, handle: account.handle };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const target = JSON.stringify(error.meta ?? {});
      if (target.includes("handle")) {
        throw new AppError("CONFLICT", "That handle is taken.", { fieldErrors: { handle: ["That handle is taken. Try another."] } });
      }
      throw new AppError("CONFLICT", "We could not create an account with that email. If it is yours, sign in instead.", {
        fieldErrors: { email: ["We could not create an account with that email. If it is yours, sign in instead."] },
      });
    }
    throw error;
  }
}
