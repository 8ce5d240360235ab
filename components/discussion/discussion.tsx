"use client";

import Link from "next/link";
import { useCallback, useEffect, useMemo, useState } from "react";
import { ApiError, callOperation } from "@/components/api-client";
import * as commentOps from "@/lib/comments/contracts.browser";
import type { DiscussionSort } from "@/lib/comments/schemas";
import { buildTree } from "@/lib/comments/tree";
import type { CommentView } from "@/lib/comments/view";
import { CommentItem } from "./comment-item";
import { Composer } from "./composer";
import { ThreadActionsContext, type ThreadActions } from "./thread-actions";
import { commentOfSignal } from "./live-comment";
import { NewRepliesPill } from "./new-replies-pill";
import { pendingComment } from "./pending-comment";
import { useCommentKeys } from "./use-comment-keys";
import { useDiscussionStream, type DiscussionSignal } from "./use-discussion-stream";
import { useLastVisit } from "./use-last-visit";
import { usePendingDeletes } from "./use-pending-deletes";
import "./threads.css";

/** Which comments a discussion view holds. */
export type DiscussionScope = { kind: "general" } | { kind: "passage"; highlightId: string } | { kind: "passages" } | { kind: "thread"; rootId: number };

export interface DiscussionProps {
  essayId: string;
  slug: string;
  signedIn: boolean;
  commentsOpen: boolean;
  scope: DiscussionScope;
  initial: CommentView[];
  nextCursor: number | null;
  lastEventId: number;
  signInHref: string;
  sortOptions: DiscussionSort[];
  /** Shown above a new thread's composer; null hides the composer (e.g. a permalink view). */
  composerLabel: string | null;
  emptyText: string;
  /** A comment to mark and scroll to (a permalink). */
  targetId?: number;
  /** Told the number of threads shown whenever it changes (for a tab's count). */
  onThreadCount?: (count: number) => void;
}

const SORT_LABELS: Record<DiscussionSort, string> = { top: "Top", new: "New", old: "Old", position: "By position" };

function inScope(comment: CommentView, scope: DiscussionScope): boolean {
  switch (scope.kind) {
    case "general":
      return comment.highlightId === null;
    case "passage":
      return comment.highlightId === scope.highlightId;
    case "passages":
      return comment.highlightId !== null;
    case "thread":
      return comment.rootId === scope.rootId;
  }
}

/**
 * A live discussion: threads drawn as a tree, a composer, sorting, and
 * changes from other readers arriving over the page's event stream. New
 * comments from others wait behind an "N new comments" pill instead of
 * moving the page; edits, deletions and votes update in place.
 */
export function Discussion({
  essayId,
  slug,
  signedIn,
  commentsOpen,
  scope,
  initial,
  nextCursor: firstCursor,
  lastEventId,
  signInHref,
  sortOptions,
  composerLabel,
  emptyText,
  targetId,
  onThreadCount,
}: DiscussionProps) {
  const [comments, setComments] = useState(() => new Map(initial.map((comment) => [comment.id, comment])));
  const [incoming, setIncoming] = useState<CommentView[]>([]);
  const [sort, setSort] = useState<DiscussionSort>(sortOptions[0] ?? "old");
  const [cursor, setCursor] = useState(firstCursor);
  const [notice, setNotice] = useState<string | null>(null);

  const put = useCallback((list: CommentView[]) => {
    setComments((current) => {
      const next = new Map(current);
      for (const comment of list) next.set(comment.id, comment);
      return next;
    });
  }, []);

  /** Shows `pending` at once, then the server's answer in its place; on failure it goes and the composer keeps the text and shows why. */
  const optimistically = async (pending: CommentView, save: () => Promise<CommentView[]>) => {
    put([pending]);
    const drop = () =>
      setComments((current) => {
        const next = new Map(current);
        next.delete(pending.id);
        return next;
      });
    try {
      const saved = await save();
      drop();
      put(saved);
    } catch (error) {
      drop();
      throw error;
    }
  };

  const highlightId = scope.kind === "passage" ? scope.highlightId : scope.kind === "passages" ? "*" : null;

  useDiscussionStream(essayId, lastEventId, async (signal: DiscussionSignal) => {
    if (signal.commentId === null) return;
    const known = comments.has(signal.commentId);
    if (signal.kind === "comment" && known) return;
    if (signal.kind !== "comment" && !known) return;
    try {
      const comment = await commentOfSignal({ ...signal, commentId: signal.commentId });
      if (!inScope(comment, scope)) return;
      if (signal.kind === "comment" && !comment.mine) setIncoming((list) => (list.some((item) => item.id === comment.id) ? list : [...list, comment]));
      else put([comment]);
    } catch (error) {
      // Hidden since it was shown: it becomes a tombstone for this reader too.
      if (error instanceof ApiError && error.status === 404 && known) {
        setComments((current) => {
          const existing = current.get(signal.commentId!);
          if (!existing) return current;
          const next = new Map(current);
          next.set(existing.id, { ...existing, state: "hidden", html: null, source: null });
          return next;
        });
      }
    }
  });

  // New threads wait at the top, where they will appear; new replies wait in their own thread, under it.
  const newThreads = incoming.filter((comment) => comment.parentId === null || !comments.has(comment.rootId));
  const newReplies = (rootId: number) => incoming.filter((comment) => comment.parentId !== null && comment.rootId === rootId && comments.has(rootId));
  const showIncoming = (list: CommentView[]) => {
    // A reply's parent is in the thread already, or comes with it (replies arrive in order).
    put(list);
    const shown = new Set(list.map((comment) => comment.id));
    setIncoming((current) => current.filter((comment) => !shown.has(comment.id)));
  };
  const lastVisit = useLastVisit(essayId);

  const fail = (error: unknown) => setNotice(error instanceof ApiError ? error.message : "That did not work. Please try again.");

  const deletes = usePendingDeletes(async (id, leaving) => {
    try {
      await callOperation(commentOps.deleteComment, { params: { commentId: id }, keepalive: leaving });
      if (!leaving) put([(await callOperation(commentOps.getComment, { params: { commentId: id } })).comment]);
    } catch (error) {
      if (!leaving) fail(error);
    }
  });
  const keys = useCommentKeys();

  const actions: ThreadActions = {
    slug,
    targetId: targetId ?? null,
    isNew: (comment) => lastVisit !== null && !comment.mine && Date.parse(comment.createdAt) > lastVisit,
    canWrite: signedIn && commentsOpen,
    signedIn,
    async reply(parent, body) {
      await optimistically(pendingComment(body, { highlightId: parent.highlightId, parentId: parent.id, rootId: parent.rootId, depth: parent.depth + 1 }), async () => {
        const { comment } = await callOperation(commentOps.createComment, { params: { essayId }, body: { body, parentId: parent.id } });
        return [comment, { ...parent, replyCount: parent.replyCount + 1 }];
      });
    },
    async edit(id, body) {
      put([(await callOperation(commentOps.editComment, { params: { commentId: id }, body: { body } })).comment]);
    },
    scheduleDelete: deletes.schedule,
    undoDelete: deletes.undo,
    pendingDeletes: deletes.pending,
    async vote(id) {
      const existing = comments.get(id);
      if (!existing) return;
      try {
        const { voted, upvotes } = await callOperation(commentOps.voteComment, { params: { commentId: id } });
        put([{ ...existing, voted, upvotes }]);
      } catch (error) {
        fail(error);
      }
    },
    async refresh(id) {
      put([(await callOperation(commentOps.getComment, { params: { commentId: id } })).comment]);
    },
    async loadMore(comment) {
      try {
        // The subtree comes complete, with reply counts counted from it, so nothing under `comment` is left to load.
        put((await callOperation(commentOps.getThread, { params: { rootId: comment.rootId }, query: { from: comment.id } })).comments);
      } catch (error) {
        fail(error);
      }
    },
    copyLink(path) {
      const url = `${window.location.origin}${path}`;
      navigator.clipboard.writeText(url).then(
        () => setNotice("Link copied."),
        () => setNotice(`Copy this link: ${url}`),
      );
    },
  };

  const tree = useMemo(() => buildTree([...comments.values()], sort), [comments, sort]);
  const threadCount = tree.length;
  useEffect(() => {
    onThreadCount?.(threadCount);
  }, [threadCount, onThreadCount]);

  const changeSort = async (next: DiscussionSort) => {
    setSort(next);
    if (scope.kind === "thread") return;
    try {
      const page = await callOperation(commentOps.listComments, { params: { essayId }, query: { sort: next, highlightId: highlightId ?? undefined } });
      setComments(new Map(page.comments.map((comment) => [comment.id, comment])));
      setCursor(page.nextCursor);
    } catch (error) {
      fail(error);
    }
  };

  const startThread = (body: string) =>
    optimistically(pendingComment(body, { highlightId: scope.kind === "passage" ? scope.highlightId : null, parentId: null, rootId: 0, depth: 0 }), async () => {
      const { comment } = await callOperation(commentOps.createComment, { params: { essayId }, body: { body, ...(scope.kind === "passage" ? { highlightId: scope.highlightId } : {}) } });
      return [comment];
    });

  return (
    <ThreadActionsContext.Provider value={actions}>
      <div className="discussion">
        {sortOptions.length > 1 && (
          <div className="discussion__sort" role="radiogroup" aria-label="Sort comments">
            {sortOptions.map((option) => (
              <button key={option} type="button" role="radio" aria-checked={sort === option} onClick={() => changeSort(option)}>
                {SORT_LABELS[option]}
              </button>
            ))}
          </div>
        )}
        {composerLabel !== null &&
          (!commentsOpen ? (
            <p className="discussion__closed">Comments are closed on this essay.</p>
          ) : signedIn ? (
            <Composer draftKey={`${essayId}-${scope.kind === "passage" ? scope.highlightId : scope.kind}`} label={composerLabel} submitLabel="Post comment" onSubmit={startThread} />
          ) : (
            <p className="sign-in-prompt">
              <Link href={signInHref}>Sign in to highlight or comment</Link>
            </p>
          ))}
        {notice && (
          <p className="discussion__notice" role="status">
            {notice}
          </p>
        )}
        {tree.length > 0 && (
          <div className="discussion__nav" role="group" aria-label="Move between comments">
            <button type="button" className="link-button" onClick={keys.previous}>
              ↑ Previous
            </button>
            <button type="button" className="link-button" onClick={keys.next}>
              ↓ Next
            </button>
            <span className="discussion__keys" aria-hidden="true">
              or <kbd>k</kbd> / <kbd>j</kbd>
            </span>
          </div>
        )}
        {newThreads.length > 0 && (
          <button type="button" className="new-comments-pill" onClick={() => showIncoming(newThreads)}>
            {newThreads.length} new comment{newThreads.length === 1 ? "" : "s"}
          </button>
        )}
        {tree.length === 0 ? (
          <p className="empty-state">{emptyText}</p>
        ) : (
          <ol className="discussion__threads">
            {tree.map((node) => (
              <li key={node.comment.id} className="thread">
                {node.comment.passageQuote && scope.kind !== "passage" && <blockquote className="thread__passage">{node.comment.passageQuote}</blockquote>}
                <ol className="thread__comments">
                  <CommentItem node={node} depthFromTop={0} />
                </ol>
                <NewRepliesPill replies={newReplies(node.comment.id)} onShow={showIncoming} />
              </li>
            ))}
          </ol>
        )}
        {cursor !== null && scope.kind !== "thread" && (
          <button
            type="button"
            className="button discussion__more"
            onClick={async () => {
              try {
                const page = await callOperation(commentOps.listComments, { params: { essayId }, query: { sort, highlightId: highlightId ?? undefined, cursor } });
                put(page.comments);
                setCursor(page.nextCursor);
              } catch (error) {
                fail(error);
              }
            }}
          >
            More threads
          </button>
        )}
      </div>
    </ThreadActionsContext.Provider>
  );
}
