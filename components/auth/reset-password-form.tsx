"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ApiError, callOperation } from "@/components/api-client";
import { resetPassword } from "@/lib/auth/contracts.browser";
import { Field, FormMessage } from "./field";
import { signInWithPassword } from "./session-client";

/** Sets a new password with the mailed link's token, then signs in with it. */
export function ResetPasswordForm({ token }: { token: string }) {
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);
  const router = useRouter();

  // The token leaves the address bar (and the history) once the page has it.
  useEffect(() => {
    window.history.replaceState(null, "", "/reset-password");
  }, []);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    setPending(true);
    setError(null);
    setFieldErrors({});
    try {
      const { email } = await callOperation(resetPassword, { body: { token, password } });
      await signInWithPassword(email, password);
      router.replace("/");
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "That did not work. Please try again.");
      if (caught instanceof ApiError) setFieldErrors(caught.fieldErrors);
      setPending(false);
    }
  }

  const spent = Boolean(fieldErrors.token);
  return (
    <>
      <form className="auth-form" onSubmit={submit} noValidate>
        <FormMessage error={error} />
        <Field
          label="New password"
          name="password"
          type="password"
          hint="At least 10 characters. Choosing it signs you out everywhere else."
          autoComplete="new-password"
          required
          minLength={10}
          errors={fieldErrors.password}
        />
        <button className="button button--primary" type="submit" disabled={pending || spent}>
          {pending ? "Saving…" : "Save and sign in"}
        </button>
      </form>
      {spent && (
        <p className="auth-switch">
          <Link href="/forgot-password">Ask for a new link</Link>
        </p>
      )}
    </>
  );
}
