"use client";

import { useCallback, useRef, useState } from "react";
import { announceLive } from "./live-announcer";
import { commentOfSignal } from "./live-comment";
import { useDiscussionStream, type DiscussionSignal } from "./use-discussion-stream";

/** How many threads each tab of the discussion holds. */
export interface ThreadCounts {
  general: number;
  passages: number;
}

/**
 * The tabs' thread counts, kept live: each new thread that arrives over the
 * stream (the reader's own or anyone's) adds one to its tab, once, whether
 * or not that tab has been opened, and a comment from another reader is
 * announced in the page's polite live region. `known` holds the ids already
 * counted by the server's figures (a stream replays events from the page's
 * render, which may precede them).
 */
export function useLiveThreadCounts(essayId: string, lastEventId: number, initial: ThreadCounts, known: readonly number[]) {
  const [counts, setCounts] = useState(initial);
  const counted = useRef(new Set(known));

  useDiscussionStream(essayId, lastEventId, async (signal: DiscussionSignal) => {
    if (signal.kind !== "comment" || signal.commentId === null) return;
    let comment;
    try {
      comment = await commentOfSignal({ ...signal, commentId: signal.commentId });
    } catch {
      return;
    }
    if (!comment.mine && comment.author) {
      announceLive(comment.parentId !== null ? `${comment.author.name} replied.` : comment.highlightId ? `${comment.author.name} started a thread on a passage.` : `${comment.author.name} commented.`);
    }
    if (comment.parentId !== null || counted.current.has(comment.id)) return;
    counted.current.add(comment.id);
    const tab = comment.highlightId ? "passages" : "general";
    setCounts((current) => ({ ...current, [tab]: current[tab] + 1 }));
  });

  /** A tab shows at least as many threads as it has loaded. */
  const atLeast = useCallback((tab: keyof ThreadCounts, shown: number) => setCounts((current) => (current[tab] >= shown ? current : { ...current, [tab]: shown })), []);
  return [counts, atLeast] as const;
}
