"use client";

import { useCallback, useEffect, useRef, type Dispatch, type SetStateAction } from "react";
import { ApiError, callOperation } from "@/components/api-client";
import { announceLive } from "@/components/discussion/live-announcer";
import { commentOfSignal } from "@/components/discussion/live-comment";
import { useDiscussionStream, type DiscussionSignal } from "@/components/discussion/use-discussion-stream";
import * as highlightOps from "@/lib/highlights/contracts.browser";
import type { HighlightView } from "@/lib/highlights/view";
import { quoteOf } from "./highlight-details";

/**
 * Keeps the painted highlights in step with other readers: the stream says
 * which public highlight changed (or which comment, which may have made a
 * new passage highlight); the highlight is fetched through the same checks
 * as every read, then added, replaced or, when it is no longer there for
 * this reader, removed. The reader's own highlights are left to the layer,
 * which already shows its own writes (optimistically). A new revision of
 * the essay calls `onRevised`.
 */
export function useLiveHighlights(essayId: string, lastEventId: number, highlights: HighlightView[], setHighlights: Dispatch<SetStateAction<HighlightView[]>>, onRevised: () => void) {
  // The highlights as last rendered: whether one is new (and so announced) is known before the update is queued.
  const shown = useRef(highlights);
  useEffect(() => {
    shown.current = highlights;
  });
  const refresh = useCallback(
    async (highlightId: string) => {
      try {
        const { highlight } = await callOperation(highlightOps.getHighlight, { params: { highlightId } });
        if (highlight.mine) return;
        const added = !highlight.orphaned && !shown.current.some((candidate) => candidate.id === highlight.id);
        setHighlights((current) => {
          const index = current.findIndex((candidate) => candidate.id === highlight.id);
          if (highlight.orphaned) return index < 0 ? current : current.filter((candidate) => candidate.id !== highlight.id);
          return index < 0 ? [...current, highlight] : current.map((candidate) => (candidate.id === highlight.id ? highlight : candidate));
        });
        if (added) announceLive(`${highlight.author.name} highlighted “${quoteOf(highlight.exact)}”.`);
      } catch (error) {
        // Removed, or made private: it goes for this reader too (never one of the reader's own, which the layer keeps).
        if (error instanceof ApiError && error.status === 404) setHighlights((current) => current.filter((candidate) => candidate.id !== highlightId || candidate.mine));
      }
    },
    [setHighlights],
  );

  useDiscussionStream(essayId, lastEventId, async (signal: DiscussionSignal) => {
    if (signal.kind === "highlight" && signal.highlightId) return refresh(signal.highlightId);
    // An editor published a new revision: this page shows the old one, on which nothing new can be anchored.
    if (signal.kind === "revision") return onRevised();
    if (signal.kind !== "comment" || signal.commentId === null) return;
    try {
      // A comment on a passage: a new passage's highlight, or a fresh comment count on a known one.
      const comment = await commentOfSignal({ ...signal, commentId: signal.commentId });
      if (comment.highlightId && !comment.mine) await refresh(comment.highlightId);
    } catch {
      // Not visible to this reader: nothing to paint.
    }
  });
}
