"use client";

import { useId, useState } from "react";
import { ApiError, callOperation } from "@/components/api-client";
import { reportContent } from "@/lib/moderation/contracts.browser";

const REASONS = [
  { value: "SPAM", label: "Spam" },
  { value: "HARASSMENT", label: "Harassment or hate" },
  { value: "OFF_TOPIC", label: "Off-topic" },
  { value: "MISINFORMATION", label: "Misinformation" },
  { value: "OTHER", label: "Something else" },
] as const;

type Target = { type: "comment"; id: number } | { type: "note"; id: string };

/** "Report" beside a comment or a note: a small form with a reason, sent once. */
export function ReportButton({ target, label = "Report" }: { target: Target; label?: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState<(typeof REASONS)[number]["value"]>("SPAM");
  const [details, setDetails] = useState("");
  const [state, setState] = useState<{ kind: "idle" | "sending" | "sent" } | { kind: "error"; message: string }>({ kind: "idle" });
  const id = useId();

  if (state.kind === "sent") {
    return (
      <span className="report__done" role="status">
        Reported. <a href="/reports">Your reports</a>
      </span>
    );
  }
  if (!open) {
    return (
      <button type="button" className="link-button report__open" onClick={() => setOpen(true)}>
        {label}
      </button>
    );
  }
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setState({ kind: "sending" });
    try {
      await callOperation(reportContent, { body: { target, reason, ...(details.trim() ? { details: details.trim() } : {}) } });
      setState({ kind: "sent" });
    } catch (error) {
      setState({ kind: "error", message: error instanceof ApiError ? error.message : "The report could not be sent. Please try again." });
    }
  };
  return (
    <form className="report" onSubmit={submit} aria-label={`Report this ${target.type}`}>
      <fieldset>
        <legend>Why are you reporting this {target.type}?</legend>
        {REASONS.map((option) => (
          <label key={option.value} className="report__reason">
            <input type="radio" name={`${id}-reason`} value={option.value} checked={reason === option.value} onChange={() => setReason(option.value)} />
            {option.label}
          </label>
        ))}
      </fieldset>
      <label className="report__details">
        {reason === "OTHER" ? "What is wrong?" : "Anything the moderators should know? (optional)"}
        <textarea value={details} maxLength={1000} rows={2} onChange={(event) => setDetails(event.target.value)} required={reason === "OTHER"} />
      </label>
      {state.kind === "error" && (
        <p className="form-error" role="alert">
          {state.message}
        </p>
      )}
      <div className="report__buttons">
        <button type="submit" className="button button--small" disabled={state.kind === "sending"}>
          Send report
        </button>
        <button type="button" className="link-button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
