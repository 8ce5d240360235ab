"use client";

import { useCallback, useEffect } from "react";

/** Each comment's own part (not its replies), focusable from script: what j/k move between. */
const COMMENT_SELECTOR = ".comment > .comment__main";

/** The comment last moved to or clicked in, remembered so the visible buttons (which take focus) move on from it. */
let current: HTMLElement | null = null;

function shownComments(): HTMLElement[] {
  // Comments in a closed tab or panel take no space: skip them.
  return [...document.querySelectorAll<HTMLElement>(COMMENT_SELECTOR)].filter((element) => element.getClientRects().length > 0);
}

function move(step: 1 | -1): void {
  const comments = shownComments();
  if (comments.length === 0) return;
  let at = current && current.isConnected ? comments.indexOf(current) : -1;
  if (at === -1) {
    // Nothing chosen yet: start from the first comment on screen (j) or the last one above it (k).
    const firstOnScreen = comments.findIndex((element) => element.getBoundingClientRect().bottom > 0);
    at = firstOnScreen === -1 ? comments.length : firstOnScreen;
    if (step === 1) at -= 1;
  }
  const target = comments[Math.max(0, Math.min(comments.length - 1, at + step))]!;
  current = target;
  target.focus();
  target.scrollIntoView({ block: "nearest" });
}

/**
 * j/k (and the discussion's Previous/Next buttons) move focus from comment
 * to comment in reading order, across every discussion on the page, as in
 * the moderation queue. Keys typed into a field, or with a modifier, are
 * left alone. Several discussions may be mounted at once: the first
 * listener to handle a key marks it handled and the others let it be.
 */
export function useCommentKeys(): { next(): void; previous(): void } {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey || (event.key !== "j" && event.key !== "k")) return;
      const target = event.target instanceof HTMLElement ? event.target : null;
      if (target && (target.closest("input, textarea, select, [contenteditable]") || target.isContentEditable)) return;
      event.preventDefault();
      move(event.key === "j" ? 1 : -1);
    };
    const onFocus = (event: FocusEvent) => {
      const comment = event.target instanceof HTMLElement ? event.target.closest<HTMLElement>(".comment")?.querySelector<HTMLElement>(":scope > .comment__main") : null;
      if (comment) current = comment;
    };
    window.addEventListener("keydown", onKey);
    document.addEventListener("focusin", onFocus);
    return () => {
      window.removeEventListener("keydown", onKey);
      document.removeEventListener("focusin", onFocus);
    };
  }, []);
  return { next: useCallback(() => move(1), []), previous: useCallback(() => move(-1), []) };
}
