import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { DELETED_ACCOUNT_NAME } from "./account-constants";
import { verifyPassword } from "./password";

/**
 * Deletes the reader's account. They choose what happens to what they wrote:
 * "remove" deletes their highlights and turns their comments into "[deleted]"
 * tombstones (replies stay in place); "keep" leaves them shown under
 * "[deleted account]". Either way the email, password and name are erased,
 * the handle is freed, and every session ends. Accounts with a password must
 * confirm it.
 */
export async function deleteAccount(userId: string, contributions: "remove" | "keep", password: string | undefined): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } });
  if (user.passwordHash && !(password && (await verifyPassword(user.passwordHash, password)))) {
    throw new AppError("VALIDATION", "Enter your password to delete your account.", { fieldErrors: { password: ["That is not your password."] } });
  }
  const now = new Date();
  await db.$transaction(async (tx) => {
    if (contributions === "remove") {
      await tx.highlight.updateMany({ where: { authorId: userId, deletedAt: null }, data: { deletedAt: now } });
      await tx.comment.updateMany({ where: { authorId: userId, deletedAt: null }, data: { deletedAt: now, body: "", bodyHtml: "" } });
    }
    await tx.account.deleteMany({ where: { userId } });
    // Nothing more is mailed to the address being erased, and no link mailed to it still works.
    await tx.mailMessage.deleteMany({ where: { userId, status: "PENDING" } });
    await tx.emailConfirmation.deleteMany({ where: { userId } });
    await tx.passwordReset.deleteMany({ where: { userId } });
    await tx.user.update({
      where: { id: userId },
      data: {
        email: null,
        emailVerified: null,
        passwordHash: null,
        image: null,
        name: DELETED_ACCOUNT_NAME,
        handle: `deleted-${randomBytes(6).toString("hex")}`,
        deletedAt: now,
        sessionVersion: { increment: 1 },
      },
    });
  });
}
