"use client";

import { callOperation } from "@/components/api-client";
import * as commentOps from "@/lib/comments/contracts.browser";
import type { CommentView } from "@/lib/comments/view";
import type { DiscussionSignal } from "./use-discussion-stream";

/** Fetches remembered per event: several parts of the page follow the same event and must not each fetch the comment. */
const REMEMBERED = 200;
const fetches = new Map<number, Promise<CommentView>>();

/**
 * The comment an event is about, as this reader may see it, fetched once
 * per event however many listeners ask (the discussion, the passage count,
 * the highlight layer). Rejects as the read does (404: hidden or gone).
 */
export function commentOfSignal(signal: DiscussionSignal & { commentId: number }): Promise<CommentView> {
  let fetched = fetches.get(signal.eventId);
  if (!fetched) {
    fetched = callOperation(commentOps.getComment, { params: { commentId: signal.commentId } }).then(({ comment }) => comment);
    fetches.set(signal.eventId, fetched);
    if (fetches.size > REMEMBERED) fetches.delete(fetches.keys().next().value!);
  }
  return fetched;
}
