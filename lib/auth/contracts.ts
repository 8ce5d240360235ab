import { defineOperation, returns } from "@/lib/http/contract";
import { changePasswordSchema, confirmEmailSchema, deleteAccountSchema, requestEmailChangeSchema, requestPasswordResetSchema, resetPasswordSchema, signUpSchema, updateProfileSchema } from "./schemas";

/** Makes an account (signing in is next-auth's, at /api/auth). */
export const signUp = defineOperation({
  name: "sign up",
  method: "POST",
  path: "/api/account",
  guard: "public",
  body: signUpSchema,
  status: 201,
  response: returns<{ account: { id: string; handle: string } }>(),
});

/** Deletes one's own account, removing or keeping its contributions. A suspended reader may. */
export const deleteAccount = defineOperation({
  name: "delete account",
  method: "DELETE",
  path: "/api/account",
  guard: "member",
  body: deleteAccountSchema,
  status: 204,
  response: returns<void>(),
});

/** Changes one's password (every other session ends). A suspended reader may. */
export const changePassword = defineOperation({
  name: "change password",
  method: "POST",
  path: "/api/account/password",
  guard: "member",
  body: changePasswordSchema,
  status: 204,
  response: returns<void>(),
});

/** Changes one's public display name. */
export const updateProfile = defineOperation({
  name: "update profile",
  method: "PATCH",
  path: "/api/account/profile",
  guard: "writer",
  body: updateProfileSchema,
  response: returns<{ profile: { name: string } }>(),
});

/** Signs out everywhere. A suspended reader may still end their own sessions. */
export const signOutEverywhere = defineOperation({
  name: "sign out everywhere",
  method: "DELETE",
  path: "/api/account/sessions",
  guard: "member",
  status: 204,
  response: returns<void>(),
});

/**
 * "Forgot password?": mails a reset link if an account uses the address. The
 * answer is the same whether or not one does.
 */
export const requestPasswordReset = defineOperation({
  name: "request password reset",
  method: "POST",
  path: "/api/account/password-reset",
  guard: "public",
  body: requestPasswordResetSchema,
  response: returns<{ message: string }>(),
});

/** Sets a new password with a mailed link's token (once, within 30 minutes); every session ends. Answers the email to sign in with. */
export const resetPassword = defineOperation({
  name: "reset password",
  method: "POST",
  path: "/api/account/password-reset/confirm",
  guard: "public",
  body: resetPasswordSchema,
  response: returns<{ email: string }>(),
});

/** Confirms an address with a mailed link's token: the account's own (after sign-up) or a new one, which then replaces the old. Needs no session: the link is the proof. */
export const confirmEmail = defineOperation({
  name: "confirm email",
  method: "POST",
  path: "/api/account/email/confirm",
  guard: "public",
  body: confirmEmailSchema,
  response: returns<{ email: string; changed: boolean }>(),
});

/** Asks to change the account's address (with the password, for accounts that have one): the new address gets a link, and changes only when it is opened. */
export const requestEmailChange = defineOperation({
  name: "request email change",
  method: "POST",
  path: "/api/account/email",
  guard: "member",
  body: requestEmailChangeSchema,
  response: returns<{ message: string }>(),
});

/** Mails a new link confirming the account's address ("I did not get it"). */
export const resendEmailConfirmation = defineOperation({
  name: "resend email confirmation",
  method: "POST",
  path: "/api/account/email/confirmation",
  guard: "member",
  response: returns<{ message: string }>(),
});
