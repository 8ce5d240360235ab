"use client";

import { useRef, useState } from "react";

/** How far (px) a drag must travel before it changes the sheet's size. */
const SNAP = 40;

/**
 * The bottom sheet's size on phones: half the screen by default, expanded on
 * request. The handle is a button (Enter/Space toggles it, so the keyboard
 * gets the same control as a finger); dragging it up expands the sheet,
 * dragging it down collapses it, and down again from half height closes it.
 * While a finger is down the sheet follows it.
 */
export function useSheetDrag(onClose: () => void) {
  const [expanded, setExpanded] = useState(false);
  const [dragHeight, setDragHeight] = useState<number | null>(null);
  const drag = useRef<{ y: number; height: number; moved: boolean } | null>(null);

  const handleProps = {
    "aria-expanded": expanded,
    "aria-label": expanded ? "Shrink panel" : "Expand panel",
    onClick: () => {
      // A drag ends with a click on the same button; only a tap or a key toggles.
      if (drag.current?.moved) return;
      setExpanded((value) => !value);
    },
    onPointerDown: (event: React.PointerEvent<HTMLButtonElement>) => {
      const sheet = event.currentTarget.closest<HTMLElement>(".highlight-panel");
      if (!sheet) return;
      event.currentTarget.setPointerCapture(event.pointerId);
      drag.current = { y: event.clientY, height: sheet.getBoundingClientRect().height, moved: false };
    },
    onPointerMove: (event: React.PointerEvent<HTMLButtonElement>) => {
      const start = drag.current;
      if (!start) return;
      const delta = start.y - event.clientY;
      if (Math.abs(delta) > 4) start.moved = true;
      if (start.moved) setDragHeight(Math.max(80, Math.min(window.innerHeight - 56, start.height + delta)));
    },
    onPointerUp: (event: React.PointerEvent<HTMLButtonElement>) => {
      const start = drag.current;
      setDragHeight(null);
      if (!start?.moved) return;
      const delta = start.y - event.clientY;
      if (delta > SNAP) setExpanded(true);
      else if (delta < -SNAP) {
        if (expanded) setExpanded(false);
        else onClose();
      }
      // Let the click that follows this pointerup see the drag, then forget it.
      setTimeout(() => (drag.current = null));
    },
    onPointerCancel: () => {
      drag.current = null;
      setDragHeight(null);
    },
  };

  const sheetProps = {
    "data-expanded": expanded ? "true" : "false",
    "data-dragging": dragHeight === null ? undefined : "true",
    style: dragHeight === null ? undefined : { height: dragHeight },
  };

  return { handleProps, sheetProps };
}
