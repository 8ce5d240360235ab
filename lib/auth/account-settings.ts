import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashPassword, verifyPassword } from "./password";

/** Changes the reader's display name. */
export async function updateDisplayName(userId: string, name: string): Promise<{ name: string }> {
  return db.user.update({ where: { id: userId }, data: { name }, select: { name: true } });
}

/**
 * Changes the reader's password after checking the current one, and ends
 * every existing session (a stolen cookie dies with the old password).
 */
export async function changePassword(userId: string, currentPassword: string, newPassword: string): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true, email: true, handle: true } });
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError("VALIDATION", "Your current password is not right.", { fieldErrors: { currentPassword: ["That is not your current password."] } });
  }
  const lowered = newPassword.trim().toLowerCase();
  if (lowered === user.email || lowered === user.handle) {
    throw new AppError("VALIDATION", "Choose a password that is not your email or handle.", { fieldErrors: { newPassword: ["Choose a password that is not your email or handle."] } });
  }
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(newPassword), sessionVersion: { increment: 1 } } });
}

/** Ends every session of the reader, on every device, at its next request. */
export async function signOutEverywhere(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}
