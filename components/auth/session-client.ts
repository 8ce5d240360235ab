import { ApiError } from "@/components/api-client";

async function csrfToken(): Promise<string> {
  const response = await fetch("/api/auth/csrf", { credentials: "same-origin" });
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return csrfToken;
}

const MISMATCH = "That email and password do not match an account.";

/** The password was right but the account is banned: the browser shows the ban notice (/sanction) instead of a session. */
export class AccountBanned extends ApiError {
  constructor(message: string) {
    super(message, 403);
  }
}

async function postAuthForm(path: string, fields: Record<string, string>): Promise<{ url?: string }> {
  const body = new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: "true" });
  const response = await fetch(path, { method: "POST", body, credentials: "same-origin", headers: { "content-type": "application/x-www-form-urlencoded" } });
  const data = (await response.json().catch(() => ({}))) as { url?: string; error?: { code?: string; message?: string } };
  // next-auth answers a failed password check with 401; our guard answers 429 with its own message.
  if (response.status === 401) throw new ApiError(MISMATCH, 401);
  // The right password for a banned account: the server set the ban notice's cookie, and /sanction says what and why.
  if (data.error?.code === "BANNED") throw new AccountBanned(data.error.message ?? "This account is banned.");
  if (!response.ok) throw new ApiError(data.error?.message ?? "Signing in did not work. Please try again.", response.status);
  return data;
}

/**
 * Signs in with next-auth's Credentials provider. The same message covers a
 * wrong password and an unknown email, as the server intends.
 */
export async function signInWithPassword(email: string, password: string): Promise<void> {
  const { url } = await postAuthForm("/api/auth/callback/credentials", { email, password, callbackUrl: "/" });
  if (!url || new URL(url, location.href).searchParams.has("error")) {
    throw new ApiError(MISMATCH, 401);
  }
}

/** Ends this browser's session. */
export async function signOutHere(): Promise<void> {
  await postAuthForm("/api/auth/signout", { callbackUrl: "/" });
}
