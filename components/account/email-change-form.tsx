"use client";

import { callOperation } from "@/components/api-client";
import { requestEmailChange } from "@/lib/auth/contracts.browser";
import { Field, FormMessage } from "@/components/auth/field";
import { useFormSubmit } from "./use-form-submit";

/** A new address for the account: it changes once the link mailed to it is opened. */
export function EmailChangeForm({ hasEmail, hasPassword }: { hasEmail: boolean; hasPassword: boolean }) {
  const form = useFormSubmit();
  return (
    <form
      className="settings-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const target = event.currentTarget;
        const data = new FormData(target);
        const email = String(data.get("newEmail"));
        const password = hasPassword ? String(data.get("emailChangePassword")) : undefined;
        void form.run(async () => {
          const { message } = await callOperation(requestEmailChange, { body: { email, password } });
          target.reset();
          return message;
        });
      }}
    >
      <FormMessage error={form.error} success={form.success} />
      <Field label={hasEmail ? "New email address" : "Email address"} name="newEmail" type="email" autoComplete="email" required errors={form.fieldErrors.email} />
      {hasPassword && <Field label="Your password" name="emailChangePassword" type="password" autoComplete="current-password" required errors={form.fieldErrors.password} />}
      <button className="button" type="submit" disabled={form.pending}>
        {hasEmail ? "Change email" : "Add email"}
      </button>
    </form>
  );
}
