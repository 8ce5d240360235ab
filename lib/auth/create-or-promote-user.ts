import "server-only";
import { randomBytes } from "node:crypto";
import * as z from "zod/mini";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { hashPassword } from "./password";
import { displayNameSchema, emailSchema, handleSchema, MIN_PASSWORD_LENGTH } from "./schemas";

export const createOrPromoteUserSchema = z.object({
  email: emailSchema,
  handle: handleSchema,
  role: z._default(z.enum(["reader", "editor", "moderator", "admin"], { error: "--role is reader, editor, moderator or admin." }), "reader"),
  name: z.optional(displayNameSchema),
  password: z.optional(z.string().check(z.minLength(MIN_PASSWORD_LENGTH, `--password needs at least ${MIN_PASSWORD_LENGTH} characters.`))),
});

export type CreateOrPromoteUserInput = z.input<typeof createOrPromoteUserSchema>;

/**
 * Creates an account with a role, or gives an existing one (found by email)
 * that role: how the first admin is made, from the command line. The
 * operator vouches for the address, so it counts as confirmed. A new
 * account without a given password gets a generated one, returned once.
 */
export async function createOrPromoteUser(raw: CreateOrPromoteUserInput): Promise<{ created: boolean; handle: string; role: string; generatedPassword?: string }> {
  const parsed = createOrPromoteUserSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("VALIDATION", parsed.error.issues.map((issue) => issue.message).join(" "));
  const input = parsed.data;
  const role = input.role.toUpperCase() as "READER" | "EDITOR" | "MODERATOR" | "ADMIN";

  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true, handle: true } });
  if (existing) {
    const updated = await db.user.update({
      where: { id: existing.id },
      data: { role, ...(input.password ? { passwordHash: await hashPassword(input.password), sessionVersion: { increment: 1 } } : {}) },
      select: { handle: true, role: true },
    });
    return { created: false, handle: updated.handle, role: updated.role.toLowerCase() };
  }
  if (await db.user.findUnique({ where: { handle: input.handle }, select: { id: true } })) {
    throw new AppError("CONFLICT", `The handle "${input.handle}" belongs to another account; choose another --handle.`);
  }
  const generatedPassword = input.password ? undefined : randomBytes(15).toString("base64url");
  const user = await db.user.create({
    data: { emailVerified: new Date(), email: input.email, handle: input.handle, name: input.name ?? input.handle, role, passwordHash: await hashPassword(input.password ?? generatedPassword!) },
    select: { handle: true, role: true },
  });
  return { created: true, handle: user.handle, role: user.role.toLowerCase(), generatedPassword };
}
