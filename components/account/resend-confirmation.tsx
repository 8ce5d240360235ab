"use client";

import { useState } from "react";
import { ApiError, callOperation } from "@/components/api-client";
import { resendEmailConfirmation } from "@/lib/auth/contracts.browser";

/** "Send the link again", with what happened said in place of the button. */
export function ResendConfirmation() {
  const [state, setState] = useState<{ pending: boolean; said: string | null }>({ pending: false, said: null });
  if (state.said) return <span role="status"> {state.said}</span>;
  return (
    <button
      type="button"
      className="link-button"
      disabled={state.pending}
      onClick={() => {
        setState({ pending: true, said: null });
        callOperation(resendEmailConfirmation).then(
          ({ message }) => setState({ pending: false, said: message }),
          (error: unknown) => setState({ pending: false, said: error instanceof ApiError ? error.message : "That did not work. Please try again." }),
        );
      }}
    >
      Send the link again
    </button>
  );
}
