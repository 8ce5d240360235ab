"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ApiError, callOperation } from "@/components/api-client";
import { canonicalTextOf, offsetsFromRange } from "@/lib/anchoring/dom";
import { reattachHighlight } from "@/lib/highlights/contracts.browser";

/** Dispatched on window with the re-attached highlight's view, for the highlight layer to paint it. */
export const HIGHLIGHT_REATTACHED = "glossa:highlight-reattached";

/**
 * Re-attaching an orphaned highlight: the reader selects the words it now
 * belongs to anywhere in the essay, then presses "Attach to selection". The
 * server checks the words against the current revision.
 */
export function ReattachButton({ highlightId }: { highlightId: string }) {
  const router = useRouter();
  const [selecting, setSelecting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const attachButton = useRef<HTMLButtonElement>(null);

  // While selecting: the selection toolbar stays away (body[data-reattaching] in highlights.css), a stale "select first" goes once there is a selection, and focus starts on the bar.
  useEffect(() => {
    if (!selecting) return;
    document.body.dataset.reattaching = "true";
    attachButton.current?.focus();
    const onSelection = () => {
      if (!document.getSelection()?.isCollapsed) setMessage(null);
    };
    document.addEventListener("selectionchange", onSelection);
    return () => {
      delete document.body.dataset.reattaching;
      document.removeEventListener("selectionchange", onSelection);
    };
  }, [selecting]);

  async function attach() {
    const body = document.querySelector("[data-essay-body]");
    const selection = window.getSelection();
    const range = selection && selection.rangeCount > 0 && !selection.isCollapsed ? selection.getRangeAt(0) : null;
    const offsets = body && range ? offsetsFromRange(range, body) : null;
    if (!body || !offsets || offsets.end <= offsets.start) {
      setMessage("First select the words in the essay that this highlight belongs to.");
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const exact = canonicalTextOf(body).slice(offsets.start, offsets.end);
      const { highlight } = await callOperation(reattachHighlight, {
        params: { highlightId },
        body: { revisionId: body.getAttribute("data-revision") ?? "", start: offsets.start, end: offsets.end, exact },
      });
      selection?.removeAllRanges();
      window.dispatchEvent(new CustomEvent(HIGHLIGHT_REATTACHED, { detail: highlight }));
      setSelecting(false);
      router.refresh();
    } catch (caught) {
      setMessage(caught instanceof ApiError ? caught.message : "Glossa could not be reached. Try again.");
    } finally {
      setBusy(false);
    }
  }

  if (!selecting) {
    return (
      <button type="button" className="link-button" onClick={() => setSelecting(true)}>
        Re-attach
      </button>
    );
  }
  return (
    <div className="reattach-bar" role="region" aria-label="Re-attach highlight">
      <p>Select the words in the essay this belongs to now, then attach it.</p>
      <div className="reattach-bar__actions">
        <button ref={attachButton} type="button" className="button button--primary button--small" aria-disabled={busy} onClick={() => !busy && void attach()}>
          Attach to selection
        </button>
        <button type="button" className="link-button" onClick={() => setSelecting(false)}>
          Cancel
        </button>
      </div>
      {message && (
        <p className="form-message form-message--error" role="alert">
          {message}
        </p>
      )}
    </div>
  );
}
