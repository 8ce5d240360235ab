// Generated from ./contracts.ts by `npm run contracts:browser`: do not edit (tests/unit/browser-contracts.test.ts fails when it is stale).
// The browser's half of each operation, typed by its contract: no schema reaches the bundle (lib/http/contract.ts, BrowserOperation).
import { browserOperation } from "@/lib/http/contract";
import type * as contracts from "./contracts";

export const changePassword = browserOperation<typeof contracts.changePassword>("change password", "POST", "/api/account/password");
export const confirmEmail = browserOperation<typeof contracts.confirmEmail>("confirm email", "POST", "/api/account/email/confirm");
export const deleteAccount = browserOperation<typeof contracts.deleteAccount>("delete account", "DELETE", "/api/account");
export const requestEmailChange = browserOperation<typeof contracts.requestEmailChange>("request email change", "POST", "/api/account/email");
export const requestPasswordReset = browserOperation<typeof contracts.requestPasswordReset>("request password reset", "POST", "/api/account/password-reset");
export const resendEmailConfirmation = browserOperation<typeof contracts.resendEmailConfirmation>("resend email confirmation", "POST", "/api/account/email/confirmation");
export const resetPassword = browserOperation<typeof contracts.resetPassword>("reset password", "POST", "/api/account/password-reset/confirm");
export const signOutEverywhere = browserOperation<typeof contracts.signOutEverywhere>("sign out everywhere", "DELETE", "/api/account/sessions");
export const signUp = browserOperation<typeof contracts.signUp>("sign up", "POST", "/api/account");
export const updateProfile = browserOperation<typeof contracts.updateProfile>("update profile", "PATCH", "/api/account/profile");
