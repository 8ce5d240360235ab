"use client";

import { useRouter } from "next/navigation";
import { callOperation } from "@/components/api-client";
import { deleteAccount } from "@/lib/auth/contracts.browser";
import { Field, FormMessage } from "@/components/auth/field";
import { useFormSubmit } from "./use-form-submit";

export function DeleteAccountForm({ hasPassword }: { hasPassword: boolean }) {
  const router = useRouter();
  const form = useFormSubmit();
  return (
    <form
      className="settings-form settings-form--danger"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        void form.run(async () => {
          await callOperation(deleteAccount, { body: { contributions: data.get("contributions") as "remove" | "keep", password: (data.get("password") as string | null) ?? undefined } });
          router.push("/");
          router.refresh();
          return null;
        });
      }}
    >
      <FormMessage error={form.error} />
      <fieldset className="choice">
        <legend>What happens to your highlights and comments?</legend>
        <label>
          <input type="radio" name="contributions" value="keep" defaultChecked /> Keep them, shown as “[deleted account]”
        </label>
        <label>
          <input type="radio" name="contributions" value="remove" /> Remove them (comments with replies stay as “[deleted]” so the replies keep their place)
        </label>
      </fieldset>
      {hasPassword && <Field label="Password" name="password" type="password" autoComplete="current-password" required errors={form.fieldErrors.password} />}
      <button className="button button--danger" type="submit" disabled={form.pending}>
        Delete my account
      </button>
    </form>
  );
}
