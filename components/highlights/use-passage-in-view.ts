"use client";

import { useEffect, type RefObject } from "react";
import type { Painter } from "@/lib/highlights/paint";

/** Space (px) kept between the passage and whatever bounds the view. */
const GAP = 12;

/**
 * Keeps the passage a panel is about in sight when the panel opens: above the
 * bottom sheet on phones, below the sticky header everywhere. On wide screens
 * the panel sits in the margin, so only the viewport bounds the passage. The
 * target is absolute, so it wins over any scroll already under way (a deep
 * link's).
 */
export function usePassageInView(painter: RefObject<Painter | null>, passage: { start: number; end: number } | null) {
  const start = passage?.start ?? null;
  const end = passage?.end ?? null;
  useEffect(() => {
    if (start === null || end === null) return;
    // After the panel has been laid out, so its top edge is known.
    const frame = requestAnimationFrame(() => {
      const rect = painter.current?.rangeFor(start, end)?.getBoundingClientRect();
      if (!rect) return;
      const panel = document.querySelector(".highlight-panel")?.getBoundingClientRect();
      const isSheet = panel !== undefined && panel.left <= 1 && panel.top > window.innerHeight * 0.2;
      const top = (document.querySelector(".site-header")?.getBoundingClientRect().bottom ?? 0) + GAP;
      const bottom = (isSheet ? panel.top : window.innerHeight) - GAP;
      if (rect.top >= top && rect.bottom <= bottom) return;
      const room = bottom - top;
      // Centre a short passage in the free space; a long one starts at its top.
      const target = rect.height < room ? top + (room - rect.height) / 2 : top;
      const smooth = window.matchMedia("(prefers-reduced-motion: no-preference)").matches;
      window.scrollTo({ top: window.scrollY + rect.top - target, behavior: smooth ? "smooth" : "auto" });
    });
    return () => cancelAnimationFrame(frame);
  }, [painter, start, end]);
}
