"use client";

import Link from "next/link";
import { useState } from "react";
import { ApiError } from "@/components/api-client";
import { Field, FormMessage } from "./field";
import { AccountBanned, signInWithPassword } from "./session-client";

/** Email and password sign-in; returns to `callbackUrl` (already validated on the server). */
export function SignInForm({ callbackUrl, providers }: { callbackUrl: string; providers: { id: string; name: string }[] }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      await signInWithPassword(String(form.get("email")), String(form.get("password")));
      window.location.assign(callbackUrl);
    } catch (caught) {
      // A full load, not a client navigation: the header must be drawn again without the session the ban ended.
      if (caught instanceof AccountBanned) return window.location.assign(new URL("/sanction", window.location.href));
      setError(caught instanceof ApiError ? caught.message : "Signing in did not work. Please try again.");
      setPending(false);
    }
  }

  return (
    <>
      <form className="auth-form" onSubmit={submit} noValidate>
        <FormMessage error={error} />
        <Field label="Email" name="email" type="email" autoComplete="email" required />
        <Field label="Password" name="password" type="password" autoComplete="current-password" required />
        <p className="auth-form__aside">
          <Link href="/forgot-password">Forgot your password?</Link>
        </p>
        <button className="button button--primary" type="submit" disabled={pending}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {providers.length > 0 && (
        <div className="auth-providers">
          <p className="auth-providers__label">or</p>
          {providers.map((provider) => (
            <form
              key={provider.id}
              action={`/api/auth/signin/${provider.id}`}
              method="post"
              onSubmit={async (event) => {
                event.preventDefault();
                const target = event.currentTarget;
                const response = await fetch("/api/auth/csrf");
                const { csrfToken } = (await response.json()) as { csrfToken: string };
                (target.elements.namedItem("csrfToken") as HTMLInputElement).value = csrfToken;
                target.submit();
              }}
            >
              <input type="hidden" name="csrfToken" />
              <input type="hidden" name="callbackUrl" value={callbackUrl} />
              <button className="button" type="submit">
                Continue with {provider.name}
              </button>
            </form>
          ))}
        </div>
      )}
      <p className="auth-switch">
        New to Glossa? <Link href={`/signup?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Create an account</Link>
      </p>
    </>
  );
}
