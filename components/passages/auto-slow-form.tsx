"use client";

import { useState } from "react";
import { callOperation } from "@/components/api-client";
import * as passageOps from "@/lib/passages/contracts.browser";
import { usePassageCall } from "./use-passage-call";

/** The automatic slow mode (admins): off, or the heat score above which a thread or passage is slowed, and to what pace. */
export function AutoSlowForm({ threshold, seconds }: { threshold: number | null; seconds: number }) {
  const { run, busy, status } = usePassageCall();
  const [on, setOn] = useState(threshold !== null);
  const [score, setScore] = useState(threshold ?? 60);
  const [pace, setPace] = useState(seconds);
  return (
    <form
      className="settings-card"
      aria-label="Automatic slow mode"
      onSubmit={(event) => {
        event.preventDefault();
        void run(() => callOperation(passageOps.setAutoSlow, { body: { threshold: on ? score : null, seconds: pace } }), "Saved.");
      }}
    >
      <label className="settings-card__check">
        <input type="checkbox" checked={on} onChange={(event) => setOn(event.target.checked)} /> Slow heated discussions automatically
      </label>
      <label>
        Above this heat score (the queue&apos;s &ldquo;Heating up&rdquo; list shows each discussion&apos;s)
        <input type="number" min={1} max={100000} value={score} disabled={!on} onChange={(event) => setScore(Number(event.target.value))} />
      </label>
      <label>
        Seconds between one reader&apos;s comments
        <input type="number" min={10} max={3600} value={pace} disabled={!on} onChange={(event) => setPace(Number(event.target.value))} />
      </label>
      <button type="submit" className="button button--small" disabled={busy}>
        Save
      </button>
      {status}
    </form>
  );
}
