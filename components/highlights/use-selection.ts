"use client";

import { useEffect, useState } from "react";
import { offsetsFromRange } from "@/lib/anchoring/dom";

/** The reader's current selection inside the essay, in canonical offsets, with where to put the toolbar. */
export interface EssaySelection {
  start: number;
  end: number;
  exact: string;
  /** Viewport rectangle of the selection's last line. */
  anchorRect: { top: number; bottom: number; left: number; right: number };
}

/**
 * Follows the document selection and reports it when it lies (at least
 * partly) in the essay body; selections elsewhere on the page are ignored.
 * Works for mouse, touch and keyboard selection alike, since all of them
 * end in `selectionchange`. While focus is inside an element marked
 * `data-selection-ui` (the toolbar), the last passage is kept.
 */
export function useEssaySelection(body: HTMLElement | null, canonical: string): [EssaySelection | null, () => void] {
  const [selection, setSelection] = useState<EssaySelection | null>(null);

  useEffect(() => {
    if (!body) return;
    let frame = 0;
    const read = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        // Typing a note or comment in the toolbar moves the document selection
        // into that field; the passage the reader chose stays the selection.
        if (document.activeElement?.closest("[data-selection-ui]")) return;
        const current = document.getSelection();
        if (!current || current.rangeCount === 0 || current.isCollapsed) return setSelection(null);
        const range = current.getRangeAt(0);
        const offsets = offsetsFromRange(range, body);
        if (!offsets) return setSelection(null);
        const exact = canonical.slice(offsets.start, offsets.end);
        if (!exact.trim()) return setSelection(null);
        const rects = range.getClientRects();
        const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
        setSelection({ ...offsets, exact, anchorRect: { top: last.top, bottom: last.bottom, left: last.left, right: last.right } });
      });
    };
    document.addEventListener("selectionchange", read);
    // A selection made before the page finished loading counts too.
    read();
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener("selectionchange", read);
    };
  }, [body, canonical]);

  const clear = () => {
    document.getSelection()?.removeAllRanges();
    setSelection(null);
  };
  return [selection, clear];
}
