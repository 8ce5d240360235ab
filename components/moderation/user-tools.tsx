"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, callOperation } from "@/components/api-client";
import type { ModerationActionRequest } from "@/lib/moderation/actions";
import { addModeratorNote, moderate } from "@/lib/moderation/contracts.browser";
import { CannedReasonPicker } from "./canned-reason-picker";

type Outcome = { tone: "ok" | "error"; text: string } | null;

const failure = (error: unknown) => ({ tone: "error" as const, text: error instanceof ApiError ? error.message : "That did not work. Please try again." });

function OutcomeLine({ outcome }: { outcome: Outcome }) {
  if (!outcome) return null;
  return (
    <p className={outcome.tone === "error" ? "form-error" : "form-success"} role={outcome.tone === "error" ? "alert" : "status"}>
      {outcome.text}
    </p>
  );
}

/** Suspends, bans or lifts a sanction on one reader from their page, with the site's canned reasons offered. */
export function UserSanctionForm({ userId, handle, standing, reasons }: { userId: string; handle: string; standing: string; reasons: string[] }) {
  const router = useRouter();
  const sanctioned = standing !== "ACTIVE";
  const [kind, setKind] = useState<"suspend" | "ban">("suspend");
  const [days, setDays] = useState(7);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const send = async (body: ModerationActionRequest, done: string) => {
    setBusy(true);
    setOutcome(null);
    try {
      await callOperation(moderate, { body });
      setOutcome({ tone: "ok", text: done });
      setReason("");
      router.refresh();
    } catch (error) {
      setOutcome(failure(error));
    } finally {
      setBusy(false);
    }
  };
  const trimmed = reason.trim();
  return (
    <form
      className="settings-card user-sanction"
      aria-label={sanctioned ? `Lift @${handle}'s sanction` : `Sanction @${handle}`}
      onSubmit={(event) => {
        event.preventDefault();
        if (sanctioned) void send({ action: "lift-sanction", userId, ...(trimmed ? { reason: trimmed } : {}) }, "Lifted.");
        else void send({ action: kind, userId, reason: trimmed, ...(kind === "suspend" ? { days } : {}) }, kind === "ban" ? `@${handle} is banned.` : `@${handle} is suspended for ${days} days.`);
      }}
    >
      {!sanctioned && (
        <fieldset className="user-sanction__kind">
          <legend>What to do</legend>
          <label className="settings-card__check">
            <input type="radio" name="kind" checked={kind === "suspend"} onChange={() => setKind("suspend")} /> Suspend for
            <input type="number" min={1} max={365} value={days} aria-label="Days of suspension" onChange={(event) => setDays(Number(event.target.value))} /> days
          </label>
          <label className="settings-card__check">
            <input type="radio" name="kind" checked={kind === "ban"} onChange={() => setKind("ban")} /> Ban
          </label>
        </fieldset>
      )}
      <label htmlFor="sanction-reason">{sanctioned ? "Reason for lifting it (optional)" : "Reason (shown to the reader)"}</label>
      <div className="reason-row">
        <input id="sanction-reason" value={reason} maxLength={500} onChange={(event) => setReason(event.target.value)} />
        {!sanctioned && <CannedReasonPicker groups={[{ label: "Sanctions", reasons }]} label="Use a saved sanction reason" onPick={setReason} disabled={busy} />}
      </div>
      <button
        type="submit"
        className={`button button--small${sanctioned ? "" : " button--danger"}`}
        disabled={busy || (!sanctioned && (trimmed.length < 3 || (kind === "suspend" && !(days >= 1 && days <= 365))))}
      >
        {sanctioned ? "Lift sanction" : kind === "ban" ? "Ban" : "Suspend"}
      </button>
      <OutcomeLine outcome={outcome} />
    </form>
  );
}

/** Adds a private moderator note about a reader; the page lists them. */
export function ModeratorNoteForm({ handle }: { handle: string }) {
  const router = useRouter();
  const [body, setBody] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  return (
    <form
      className="settings-card"
      aria-label="Add a moderator note"
      onSubmit={async (event) => {
        event.preventDefault();
        setBusy(true);
        setOutcome(null);
        try {
          await callOperation(addModeratorNote, { params: { handle }, body: { body } });
          setBody("");
          setOutcome({ tone: "ok", text: "Note added." });
          router.refresh();
        } catch (error) {
          setOutcome(failure(error));
        } finally {
          setBusy(false);
        }
      }}
    >
      <label htmlFor="moderator-note">Private note (moderators only; the reader never sees it)</label>
      <textarea id="moderator-note" rows={3} maxLength={2000} value={body} onChange={(event) => setBody(event.target.value)} />
      <button type="submit" className="button button--small" disabled={busy || !body.trim()}>
        Add note
      </button>
      <OutcomeLine outcome={outcome} />
    </form>
  );
}
