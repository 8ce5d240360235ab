"use client";

import { useState } from "react";
import { ApiError, callOperation } from "@/components/api-client";
import { dryRunRevision, previewEssay } from "@/lib/essays/contracts.browser";
import type { RevisionDryRun } from "@/lib/essays/dry-run-revision";
import type { EssaySource } from "@/lib/essays/editor-schemas";
import type { ImportPreview } from "@/lib/essays/preview-essay-import";

/**
 * Asks the server what a draft would publish: the preview for a new essay,
 * or the preview and the re-anchoring dry run for a revision. Holds the
 * editor's keep/drop choices, and checks again whenever they change, so
 * what is on screen is always what publishing would store.
 */
export function useDraftCheck(essayId: string | null) {
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [dryRun, setDryRun] = useState<RevisionDryRun | null>(null);
  const [keep, setKeep] = useState<number[]>([]);
  const [drop, setDrop] = useState<number[]>([]);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function check(source: EssaySource, choices: { keep: number[]; drop: number[] }) {
    // Buttons stay enabled while a check runs (a disabled button loses the keyboard's focus); a second click waits its turn.
    if (checking) return;
    setChecking(true);
    setError(null);
    try {
      const body = { source, ...choices };
      if (essayId) {
        const { dryRun: result } = await callOperation(dryRunRevision, { params: { essayId }, body });
        setDryRun(result);
        setPreview(result.preview);
      } else {
        setPreview((await callOperation(previewEssay, { body })).preview);
      }
      setKeep(choices.keep);
      setDrop(choices.drop);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Glossa could not be reached. Check your connection and try again.");
    } finally {
      setChecking(false);
    }
  }

  function reset() {
    setPreview(null);
    setDryRun(null);
    setKeep([]);
    setDrop([]);
  }

  const toggle = (list: number[], value: number) => (list.includes(value) ? list.filter((item) => item !== value) : [...list, value]);
  return {
    preview,
    dryRun,
    checking,
    error,
    setError,
    choices: { keep, drop },
    check: (source: EssaySource) => check(source, { keep: [], drop: [] }),
    toggleLine: (source: EssaySource, line: number) => check(source, { keep: toggle(keep, line), drop }),
    toggleBlock: (source: EssaySource, block: number) => check(source, { keep, drop: toggle(drop, block) }),
    reset,
  };
}
