"use client";

import { useId, useState } from "react";
import { CannedReasonPicker } from "../canned-reason-picker";

/** The reason for hiding an item: typed, or one of the site's canned reasons (then editable). At least 3 characters, as the action requires. */
export function HideForm({ what, reasons, busy, onHide, onCancel }: { what: string; reasons: string[]; busy: boolean; onHide(reason: string): void; onCancel(): void }) {
  const [reason, setReason] = useState("");
  const id = useId();
  const trimmed = reason.trim();
  return (
    <form
      className="inline-moderation__hide"
      aria-label={`Hide ${what}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (trimmed.length >= 3) onHide(trimmed);
      }}
    >
      <label htmlFor={id}>Reason (shown to the author and to readers)</label>
      <div className="reason-row">
        <input id={id} value={reason} maxLength={500} autoFocus onChange={(event) => setReason(event.target.value)} />
        <CannedReasonPicker groups={[{ label: "Hiding", reasons }]} label="Use a saved reason for hiding" onPick={setReason} disabled={busy} />
      </div>
      <div className="inline-moderation__buttons">
        <button type="submit" className="button button--danger button--small" disabled={busy || trimmed.length < 3}>
          Hide
        </button>
        <button type="button" className="button button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
