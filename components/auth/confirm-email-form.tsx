"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { ApiError, callOperation } from "@/components/api-client";
import { confirmEmail } from "@/lib/auth/contracts.browser";
import { FormMessage } from "./field";

/**
 * Confirms an address with the mailed link's token, on a button press: a
 * link scanner that opens the page (many mail services do) confirms nothing.
 */
export function ConfirmEmailForm({ token }: { token: string }) {
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const router = useRouter();

  // The token leaves the address bar (and the history) once the page has it.
  useEffect(() => {
    window.history.replaceState(null, "", "/verify-email");
  }, []);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      const { email, changed } = await callOperation(confirmEmail, { body: { token } });
      setDone(changed ? `Your account now uses ${email}. We told your old address.` : `${email} is confirmed. You can comment now.`);
      router.refresh();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "That did not work. Please try again.");
    } finally {
      setPending(false);
    }
  }

  if (done) {
    return (
      <>
        <FormMessage success={done} />
        <p className="auth-switch">
          <Link href="/">Go to the essays</Link> · <Link href="/settings">Your settings</Link>
        </p>
      </>
    );
  }
  return (
    <form className="auth-form" onSubmit={submit} noValidate>
      <FormMessage error={error} />
      <button className="button button--primary" type="submit" disabled={pending}>
        {pending ? "Confirming…" : "Confirm my email"}
      </button>
    </form>
  );
}
