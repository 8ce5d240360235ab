import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 1_000;

export const emailSchema = z
  .string({ message: "Enter your email address." })
  .trim()
  .min(1, "Enter your email address.")
  .max(254, "An email address has at most 254 characters.")
  .pipe(z.email({ message: "Enter an email address like name@example.com." }))
  .transform((email) => email.toLowerCase());

export const handleSchema = z
  .string({ message: "Choose a handle." })
  .trim()
  .min(3, "A handle needs at least 3 characters.")
  .max(30, "A handle can have at most 30 characters.")
  .regex(/^[a-zA-Z0-9_-]+$/, "A handle may use letters, digits, _ and - only.")
  .transform((handle) => handle.toLowerCase());

export const displayNameSchema = z.string({ message: "Enter a display name." }).trim().min(1, "Enter a display name.").max(60, "A display name can have at most 60 characters.");

const passwordSchema = z
  .string({ message: "Enter a password." })
  .min(MIN_PASSWORD_LENGTH, `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `A password can have at most ${MAX_PASSWORD_LENGTH} characters.`);

function sameAs(a: string, b: string) {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** A new account. The password may be anything long enough except the email or handle. */
export const signUpSchema = z.object({ email: emailSchema, handle: handleSchema, name: displayNameSchema, password: passwordSchema }).superRefine((value, context) => {
  if (sameAs(value.password, value.email) || sameAs(value.password, value.handle)) {
    context.addIssue({ code: "custom", path: ["password"], message: "Choose a password that is not your email or handle." });
  }
});

/** What the sign-in form sends. Length checks only: never say why a sign-in failed. */
export const signInSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, "Enter your email address.")
    .max(254)
    .transform((email) => email.toLowerCase()),
  password: z.string().min(1, "Enter your password.").max(MAX_PASSWORD_LENGTH),
});

export const updateProfileSchema = z.object({ name: displayNameSchema });

export const changePasswordSchema = z.object({ currentPassword: z.string().min(1, "Enter your current password.").max(MAX_PASSWORD_LENGTH), newPassword: passwordSchema });

export const deleteAccountSchema = z.object({
  contributions: z.enum(["remove", "keep"], { message: "Choose whether to remove your highlights and comments or keep them as “[deleted account]”." }),
  password: z.string().max(MAX_PASSWORD_LENGTH).optional(),
});

export type SignUpInput = z.infer<typeof signUpSchema>;
