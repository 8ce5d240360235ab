"use client";

import { useState } from "react";
import { ApiError, callOperation } from "@/components/api-client";
import type { ModerationActionRequest } from "@/lib/moderation/actions";
import { moderate } from "@/lib/moderation/contracts.browser";

/** What became of the last action, for the tools' status line. */
export type Outcome = { tone: "ok" | "error"; text: string } | null;

/**
 * Sends one moderation action through the one moderation operation, then
 * lets the caller bring the page up to date; keeps the busy flag and the
 * outcome to show.
 */
export function useModerationAction() {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const run = async (body: ModerationActionRequest, done: string, after?: () => Promise<void> | void): Promise<boolean> => {
    setBusy(true);
    setOutcome(null);
    try {
      await callOperation(moderate, { body });
      await after?.();
      setOutcome({ tone: "ok", text: done });
      return true;
    } catch (error) {
      setOutcome({ tone: "error", text: error instanceof ApiError ? error.message : "That did not work. Please try again." });
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, outcome, run };
}
