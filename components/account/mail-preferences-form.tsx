"use client";

import { callOperation } from "@/components/api-client";
import { FormMessage } from "@/components/auth/field";
import { updateMailPreferences } from "@/lib/notifications/contracts.browser";
import { MAIL_CADENCES, MAIL_TOPICS, type MailCadence, type MailPreferences } from "@/lib/notifications/mail-topics";
import { useFormSubmit } from "./use-form-submit";

const CADENCE_LABELS: Record<MailCadence, string> = { IMMEDIATE: "Immediately", DIGEST: "Daily digest", OFF: "Off" };

/** What the reader is emailed about: each topic immediately, in a daily digest, or not at all. */
export function MailPreferencesForm({ preferences, canReceive }: { preferences: MailPreferences; canReceive: boolean }) {
  const form = useFormSubmit();
  return (
    <form
      className="settings-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const chosen = Object.fromEntries(MAIL_TOPICS.map(({ topic }) => [topic, data.get(topic) as MailCadence]));
        void form.run(async () => {
          await callOperation(updateMailPreferences, { body: chosen });
          return canReceive ? "Saved." : "Saved. Mail starts once your address is confirmed.";
        });
      }}
    >
      <FormMessage error={form.error} success={form.success} />
      {MAIL_TOPICS.map(({ topic, label }) => (
        <fieldset key={topic} className="choice mail-topic">
          <legend>{label}</legend>
          <div className="mail-topic__options">
            {MAIL_CADENCES.map((cadence) => (
              <label key={cadence}>
                <input type="radio" name={topic} value={cadence} defaultChecked={preferences[topic] === cadence} /> {CADENCE_LABELS[cadence]}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <button className="button" type="submit" disabled={form.pending}>
        Save email choices
      </button>
    </form>
  );
}
