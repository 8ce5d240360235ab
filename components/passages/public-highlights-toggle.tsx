"use client";

import { callOperation } from "@/components/api-client";
import * as passageOps from "@/lib/passages/contracts.browser";
import { usePassageCall } from "./use-passage-call";

/**
 * The editors' switch for readers' public highlights on one essay (the
 * editors' desk). Private highlights stay possible, and public ones already
 * made stay.
 */
export function PublicHighlightsToggle({ essayId, title, open }: { essayId: string; title: string; open: boolean }) {
  const { run, busy, status } = usePassageCall();
  return (
    <>
      <button
        type="button"
        className="link-button"
        disabled={busy}
        aria-label={`${open ? "Turn public highlights off" : "Turn public highlights on"} for “${title}”`}
        onClick={() =>
          void run(
            () => callOperation(passageOps.setEssayPublicHighlights, { params: { essayId }, body: { open: !open } }),
            open ? "Public highlights are off: readers can still highlight privately." : "Public highlights are on.",
          )
        }
      >
        {open ? "Turn public highlights off" : "Turn public highlights on"}
      </button>
      {status}
    </>
  );
}
