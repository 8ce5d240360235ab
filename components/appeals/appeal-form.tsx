"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { callOperation } from "@/components/api-client";
import { useFormSubmit } from "@/components/account/use-form-submit";
import { FormMessage } from "@/components/auth/field";
import { fileAppeal } from "@/lib/appeals/contracts.browser";

/** The appeal against a sanction: a few sentences to the moderators, sent once; the notice then shows it as waiting. */
export function AppealForm() {
  const router = useRouter();
  const [message, setMessage] = useState("");
  const { pending, error, fieldErrors, run } = useFormSubmit();
  const errors = fieldErrors.message;
  return (
    <form
      className="appeal-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void run(async () => {
          await callOperation(fileAppeal, { body: { message } });
          router.refresh();
          return null;
        });
      }}
    >
      <FormMessage error={error} />
      <div className="field">
        <label htmlFor="appeal-message">Your appeal</label>
        <p id="appeal-message-hint" className="field__hint">
          Tell the moderators why the sanction should be lifted. A moderator reads every appeal; their answer is shown here and emailed to your confirmed address.
        </p>
        <textarea
          id="appeal-message"
          name="message"
          rows={6}
          maxLength={2000}
          required
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby={errors?.length ? "appeal-message-hint appeal-message-error" : "appeal-message-hint"}
        />
        {errors?.length ? (
          <p id="appeal-message-error" className="field__error" role="alert">
            {errors.join(" ")}
          </p>
        ) : null}
      </div>
      <button className="button button--primary" type="submit" disabled={pending}>
        {pending ? "Sending…" : "Appeal"}
      </button>
    </form>
  );
}
