import * as z from "zod/mini";
import { trimmedText } from "@/lib/validation";

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 1_000;

export const emailSchema = z.pipe(
  trimmedText({ min: 1, max: 254, message: "Enter your email address.", tooShort: "Enter your email address.", tooLong: "An email address has at most 254 characters." }),
  z.email({ error: "Enter an email address like name@example.com." }).check(z.toLowerCase()),
);

export const handleSchema = trimmedText({
  min: 3,
  max: 30,
  message: "Choose a handle.",
  tooShort: "A handle needs at least 3 characters.",
  tooLong: "A handle can have at most 30 characters.",
}).check(z.regex(/^[a-zA-Z0-9_-]+$/, "A handle may use letters, digits, _ and - only."), z.toLowerCase());

export const displayNameSchema = trimmedText({ min: 1, max: 60, message: "Enter a display name.", tooShort: "Enter a display name.", tooLong: "A display name can have at most 60 characters." });

const passwordSchema = z
  .string({ error: "Enter a password." })
  .check(
    z.minLength(MIN_PASSWORD_LENGTH, `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`),
    z.maxLength(MAX_PASSWORD_LENGTH, `A password can have at most ${MAX_PASSWORD_LENGTH} characters.`),
  );

function sameAs(a: string, b: string) {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** A new account. The password may be anything long enough except the email or handle. */
export const signUpSchema = z
  .object({ email: emailSchema, handle: handleSchema, name: displayNameSchema, password: passwordSchema })
  .check(z.refine((value) => !sameAs(value.password, value.email) && !sameAs(value.password, value.handle), { path: ["password"], message: "Choose a password that is not your email or handle." }));

/** What the sign-in form sends. Length checks only: never say why a sign-in failed. */
export const signInSchema = z.object({
  email: trimmedText({ min: 1, max: 254, tooShort: "Enter your email address." }).check(z.toLowerCase()),
  password: z.string().check(z.minLength(1, "Enter your password."), z.maxLength(MAX_PASSWORD_LENGTH)),
});

export const updateProfileSchema = z.object({ name: displayNameSchema });

export const changePasswordSchema = z.object({ currentPassword: z.string().check(z.minLength(1, "Enter your current password."), z.maxLength(MAX_PASSWORD_LENGTH)), newPassword: passwordSchema });

export const deleteAccountSchema = z.object({
  contributions: z.enum(["remove", "keep"], { error: "Choose whether to remove your highlights and comments or keep them as “[deleted account]”." }),
  password: z.optional(z.string().check(z.maxLength(MAX_PASSWORD_LENGTH))),
});

/** "Forgot password?": the address to mail a reset link to. */
export const requestPasswordResetSchema = z.object({ email: emailSchema });

/** A new password, with the token of the link that was mailed (43 characters of base64url). */
export const resetPasswordSchema = z.object({
  token: z.string({ error: "This reset link is incomplete: open it from the message again." }).check(z.regex(/^[A-Za-z0-9_-]{43}$/, "This reset link is incomplete: open it from the message again.")),
  password: passwordSchema,
});

/** A mailed confirmation link's token (43 characters of base64url). */
export const confirmEmailSchema = z.object({
  token: z
    .string({ error: "This confirmation link is incomplete: open it from the message again." })
    .check(z.regex(/^[A-Za-z0-9_-]{43}$/, "This confirmation link is incomplete: open it from the message again.")),
});

/** A new address for the account, with the current password (required by the operation for accounts that have one). */
export const requestEmailChangeSchema = z.object({ email: emailSchema, password: z.optional(z.string().check(z.maxLength(MAX_PASSWORD_LENGTH))) });

export type SignUpInput = z.infer<typeof signUpSchema>;
export type RequestEmailChangeInput = z.infer<typeof requestEmailChangeSchema>;
