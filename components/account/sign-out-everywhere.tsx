"use client";

import { useRouter } from "next/navigation";
import { callOperation } from "@/components/api-client";
import { signOutEverywhere } from "@/lib/auth/contracts.browser";
import { FormMessage } from "@/components/auth/field";
import { useFormSubmit } from "./use-form-submit";

export function SignOutEverywhere() {
  const router = useRouter();
  const form = useFormSubmit();
  return (
    <div className="settings-form">
      <FormMessage error={form.error} />
      <button
        type="button"
        className="button"
        disabled={form.pending}
        onClick={() =>
          void form.run(async () => {
            await callOperation(signOutEverywhere);
            router.push("/signin?callbackUrl=%2Fsettings");
            router.refresh();
            return null;
          })
        }
      >
        Sign out everywhere
      </button>
    </div>
  );
}
