"use client";

import { useState } from "react";
import { ApiError, callOperation } from "@/components/api-client";
import { FormMessage } from "@/components/auth/field";
import { unsubscribeMail } from "@/lib/notifications/contracts.browser";

/** The unsubscribe page's one button: a scanner that opens the link stops nothing, a reader's press does. */
export function UnsubscribeButton({ token }: { token: string }) {
  const [said, setSaid] = useState<{ error?: string; success?: string }>({});
  const [pending, setPending] = useState(false);
  if (said.success) return <FormMessage success={said.success} />;
  return (
    <div className="auth-form">
      <FormMessage error={said.error} />
      <button
        type="button"
        className="button button--primary"
        disabled={pending}
        onClick={() => {
          setPending(true);
          callOperation(unsubscribeMail, { query: { token } }).then(
            ({ message }) => setSaid({ success: message }),
            (error: unknown) => {
              setSaid({ error: error instanceof ApiError ? error.message : "That did not work. Please try again." });
              setPending(false);
            },
          );
        }}
      >
        Unsubscribe
      </button>
    </div>
  );
}
