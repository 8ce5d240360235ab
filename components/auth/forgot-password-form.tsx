"use client";

import Link from "next/link";
import { useState } from "react";
import { ApiError, callOperation } from "@/components/api-client";
import { requestPasswordReset } from "@/lib/auth/contracts.browser";
import { Field, FormMessage } from "./field";

/** Asks for a reset link; the answer is the same whether or not an account uses the address. */
export function ForgotPasswordForm() {
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [sent, setSent] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    setPending(true);
    setError(null);
    setFieldErrors({});
    try {
      setSent((await callOperation(requestPasswordReset, { body: { email } })).message);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "That did not work. Please try again.");
      if (caught instanceof ApiError) setFieldErrors(caught.fieldErrors);
    } finally {
      setPending(false);
    }
  }

  if (sent) {
    return (
      <>
        <FormMessage success={sent} />
        <p className="auth-switch">
          Nothing after a few minutes? Check your spam folder, or <Link href="/forgot-password">ask again</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <form className="auth-form" onSubmit={submit} noValidate>
        <FormMessage error={error} />
        <Field label="Email" name="email" type="email" autoComplete="email" required errors={fieldErrors.email} />
        <button className="button button--primary" type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send me a link"}
        </button>
      </form>
      <p className="auth-switch">
        Remembered it? <Link href="/signin">Sign in</Link>
      </p>
    </>
  );
}
