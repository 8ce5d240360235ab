"use client";

import { callOperation } from "@/components/api-client";
import { changePassword } from "@/lib/auth/contracts.browser";
import { Field, FormMessage } from "@/components/auth/field";
import { signInWithPassword } from "@/components/auth/session-client";
import { useFormSubmit } from "./use-form-submit";

/** Changing the password ends every session, so this browser signs in again with the new one. */
export function PasswordForm({ email }: { email: string | null }) {
  const form = useFormSubmit();
  return (
    <form
      className="settings-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const target = event.currentTarget;
        const data = new FormData(target);
        const currentPassword = String(data.get("currentPassword"));
        const newPassword = String(data.get("newPassword"));
        void form.run(async () => {
          await callOperation(changePassword, { body: { currentPassword, newPassword } });
          if (email) await signInWithPassword(email, newPassword);
          target.reset();
          return "Password changed. Your other devices have been signed out.";
        });
      }}
    >
      <FormMessage error={form.error} success={form.success} />
      <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" required errors={form.fieldErrors.currentPassword} />
      <Field label="New password" name="newPassword" type="password" hint="At least 10 characters." autoComplete="new-password" required minLength={10} errors={form.fieldErrors.newPassword} />
      <button className="button" type="submit" disabled={form.pending}>
        Change password
      </button>
    </form>
  );
}
