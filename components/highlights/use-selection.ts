"use client";

import { useCallback, useEffect, useState } from "react";
import { offsetsFromRange, rangeFromOffsets } from "@/lib/anchoring/dom";

/** The reader's current selection inside the essay, in canonical offsets, with where to put the toolbar. */
export interface EssaySelection {
  start: number;
  end: number;
  exact: string;
  /** Viewport rectangle of the selection's last line, and the page's scroll position when it was measured. */
  anchorRect: { top: number; bottom: number; left: number; right: number; scrollX: number; scrollY: number };
}

function lastLine(range: Range): EssaySelection["anchorRect"] {
  const rects = range.getClientRects();
  const last = rects[rects.length - 1] ?? range.getBoundingClientRect();
  return { top: last.top, bottom: last.bottom, left: last.left, right: last.right, scrollX: window.scrollX, scrollY: window.scrollY };
}

/**
 * Follows the document selection and reports it when it lies (at least
 * partly) in the essay body; selections elsewhere on the page are ignored.
 * Works for mouse, touch and keyboard selection alike, since all of them
 * end in `selectionchange`. While focus is inside an element marked
 * `data-selection-ui` (the toolbar), the last passage is kept; `select`
 * changes it from there (the keyboard's word and sentence moves).
 */
export function useEssaySelection(body: HTMLElement | null, canonical: string) {
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
        setSelection({ ...offsets, exact, anchorRect: lastLine(range) });
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

  const clear = useCallback(() => {
    document.getSelection()?.removeAllRanges();
    setSelection(null);
  }, []);

  /** Selects canonical offsets in the essay, as the document selection and as this hook's selection. */
  const select = useCallback(
    (start: number, end: number) => {
      const range = body && rangeFromOffsets(body, start, end);
      if (!range) return;
      const current = document.getSelection()!;
      current.removeAllRanges();
      current.addRange(range);
      setSelection({ start, end, exact: canonical.slice(start, end), anchorRect: lastLine(range) });
    },
    [body, canonical],
  );
  return { selection, clear, select };
}
