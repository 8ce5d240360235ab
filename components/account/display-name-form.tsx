"use client";

import { useRouter } from "next/navigation";
import { callOperation } from "@/components/api-client";
import { updateProfile } from "@/lib/auth/contracts.browser";
import { Field, FormMessage } from "@/components/auth/field";
import { useFormSubmit } from "./use-form-submit";

export function DisplayNameForm({ name }: { name: string }) {
  const router = useRouter();
  const form = useFormSubmit();
  return (
    <form
      className="settings-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const value = String(new FormData(event.currentTarget).get("name"));
        void form.run(async () => {
          await callOperation(updateProfile, { body: { name: value } });
          router.refresh();
          return "Display name saved.";
        });
      }}
    >
      <FormMessage error={form.error} success={form.success} />
      <Field label="Display name" name="name" defaultValue={name} maxLength={60} required errors={form.fieldErrors.name} />
      <button className="button" type="submit" disabled={form.pending}>
        Save name
      </button>
    </form>
  );
}
