"use client";

import type { CommentView } from "@/lib/comments/view";

/** "N new replies" under the thread they belong to: the reader sees where they will appear, and the page does not move until asked. */
export function NewRepliesPill({ replies, onShow }: { replies: CommentView[]; onShow: (replies: CommentView[]) => void }) {
  if (replies.length === 0) return null;
  return (
    <button type="button" className="new-comments-pill new-comments-pill--replies" onClick={() => onShow(replies)}>
      {replies.length} new repl{replies.length === 1 ? "y" : "ies"}
    </button>
  );
}
