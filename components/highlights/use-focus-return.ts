"use client";

import { useEffect, useLayoutEffect, useRef } from "react";

/**
 * Focus for something about a passage that opens and closes (the panel, the
 * toolbar). `passage` is the passage's start offset while it is open, null
 * when closed. When it closes and focus would be left on `<body>` (its
 * focused control went with it), focus goes back to where it was when it
 * opened, or to `passageElement(passage)` (the paragraph) when that is gone.
 */
export function useFocusReturn(passage: number | null, passageElement: (offset: number) => HTMLElement | null) {
  const origin = useRef<HTMLElement | null>(null);
  const openedAt = useRef<number | null>(null);
  const elementFor = useRef(passageElement);
  useEffect(() => {
    elementFor.current = passageElement;
  });

  // Layout effects run before the opened thing's own focus effect, so the origin is still where the reader was.
  useLayoutEffect(() => {
    if (passage !== null) {
      if (openedAt.current === null) {
        const active = document.activeElement;
        origin.current = active instanceof HTMLElement && active !== document.body && !active.closest("[data-selection-ui], [role=dialog]") ? active : null;
      }
      openedAt.current = passage;
      return;
    }
    if (openedAt.current === null) return;
    if (!document.activeElement || document.activeElement === document.body) {
      const target = origin.current?.isConnected ? origin.current : elementFor.current(openedAt.current);
      target?.focus({ preventScroll: true });
    }
    origin.current = null;
    openedAt.current = null;
  }, [passage]);
}
