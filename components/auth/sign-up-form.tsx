"use client";

import Link from "next/link";
import { useState } from "react";
import { ApiError, callOperation } from "@/components/api-client";
import { signUp } from "@/lib/auth/contracts.browser";
import { Field, FormMessage } from "./field";
import { signInWithPassword } from "./session-client";

/** Creates an account, signs in, and returns to `callbackUrl`. */
export function SignUpForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    setPending(true);
    setError(null);
    setFieldErrors({});
    try {
      await callOperation(signUp, { body: form as { email: string; handle: string; name: string; password: string } });
      await signInWithPassword(form.email!, form.password!);
      window.location.assign(callbackUrl);
    } catch (caught) {
      if (caught instanceof ApiError) {
        setError(caught.message);
        setFieldErrors(caught.fieldErrors);
      } else {
        setError("Creating your account did not work. Please try again.");
      }
      setPending(false);
    }
  }

  return (
    <>
      <form className="auth-form" onSubmit={submit} noValidate>
        <FormMessage error={error} />
        <Field label="Email" name="email" type="email" autoComplete="email" required errors={fieldErrors.email} />
        <Field label="Handle" name="handle" hint="Shown publicly, as @handle. Letters, digits, _ and -." autoComplete="username" required minLength={3} maxLength={30} errors={fieldErrors.handle} />
        <Field label="Display name" name="name" autoComplete="name" required maxLength={60} errors={fieldErrors.name} />
        <Field
          label="Password"
          name="password"
          type="password"
          hint="At least 10 characters. Long passphrases are welcome."
          autoComplete="new-password"
          required
          minLength={10}
          errors={fieldErrors.password}
        />
        <button className="button button--primary" type="submit" disabled={pending}>
          {pending ? "Creating your account…" : "Create account"}
        </button>
      </form>
      <p className="auth-switch">
        Already have an account? <Link href={`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Sign in</Link>
      </p>
    </>
  );
}
