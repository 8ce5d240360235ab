"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { MAX_VISIBLE_DEPTH, unloadedReplies, type CommentNode } from "@/lib/comments/tree";
import { RelativeTime } from "@/components/ui/relative-time";
import { ReportButton } from "@/components/moderation/report-button";
import { CommentModeration } from "@/components/moderation/inline/moderation-slots";
import { ThreadWatch } from "@/components/notifications/thread-watch";
import { Composer } from "./composer";
import { isPending } from "./pending-comment";
import { describeReviewWait, explainHolds } from "@/lib/moderation/hold-explanations";
import { useThreadActions } from "./thread-actions";

/** One comment and, below it, its replies to the visible depth. */
export function CommentItem({ node, depthFromTop }: { node: CommentNode; depthFromTop: number }) {
  const actions = useThreadActions();
  const { comment } = node;
  const [replying, setReplying] = useState(false);
  const [editing, setEditing] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const [loading, setLoading] = useState(false);
  // Replies under children that are not loaded: counted here only, not again at every ancestor.
  const unloaded = unloadedReplies(node);
  const atDepthLimit = depthFromTop + 1 >= MAX_VISIBLE_DEPTH;
  const pendingDelete = actions.pendingDeletes.has(comment.id);
  const tombstone = comment.state === "deleted" || comment.state === "hidden" || pendingDelete;
  const permalink = `/essays/${actions.slug}/comments/${comment.id}`;
  const isTarget = actions.targetId === comment.id;
  const isNew = actions.isNew(comment);
  // The author's own comment on its way to the server: nothing can act on it until the server's copy replaces it.
  const pending = isPending(comment);
  const element = useRef<HTMLLIElement>(null);
  const main = useRef<HTMLDivElement>(null);
  // The replies shown before "N more replies" was pressed: the first new one takes focus once it is drawn.
  const focusAfterLoad = useRef<Set<number> | null>(null);

  useEffect(() => {
    const shown = focusAfterLoad.current;
    const first = shown && node.replies.find((reply) => !shown.has(reply.comment.id));
    if (!first) return;
    focusAfterLoad.current = null;
    document.querySelector<HTMLElement>(`#c-${first.comment.id} > .comment__main`)?.focus();
  }, [node.replies]);

  useEffect(() => {
    if (isTarget) element.current?.scrollIntoView({ block: "center" });
  }, [isTarget]);

  return (
    <li
      ref={element}
      className={`comment comment--${comment.state}${comment.mine ? " comment--mine" : ""}${isTarget ? " comment--target" : ""}${isNew ? " comment--new" : ""}`}
      id={`c-${comment.id}`}
      data-comment-id={comment.id}
    >
      <div ref={main} className="comment__main" tabIndex={-1} role="article" aria-label={comment.author ? `Comment by ${comment.author.name}` : "Deleted comment"}>
        <header className="comment__meta">
          <button type="button" className="comment__collapse" aria-expanded={!collapsed} aria-label={collapsed ? "Expand thread" : "Collapse thread"} onClick={() => setCollapsed(!collapsed)}>
            {collapsed ? "+" : "–"}
          </button>
          {comment.author ? (
            comment.author.handle ? (
              <Link href={`/u/${comment.author.handle}`} className="comment__author">
                {comment.author.name}
              </Link>
            ) : (
              <span className="comment__author comment__author--gone">{comment.author.name}</span>
            )
          ) : null}
          <Link href={permalink} className="comment__time">
            <RelativeTime iso={comment.createdAt} />
          </Link>
          {isNew && <span className="comment__flag comment__flag--new">new since your last visit</span>}
          {pending && <span className="comment__flag">posting…</span>}
          {comment.edited && !tombstone && <span className="comment__flag">edited</span>}
          {comment.pinned && <span className="comment__flag comment__flag--pinned">pinned</span>}
          {comment.state === "held" && <span className="comment__flag comment__flag--held">awaiting review</span>}
          {collapsed && (
            <span className="comment__flag">
              {comment.replyCount} repl{comment.replyCount === 1 ? "y" : "ies"} hidden
            </span>
          )}
        </header>
        {!collapsed && (
          <>
            {pendingDelete ? (
              <p className="comment__tombstone comment__undo">
                Deleted.{" "}
                <button
                  type="button"
                  className="link-button"
                  autoFocus
                  onClick={() => {
                    actions.undoDelete(comment.id);
                    // The Undo button goes away: focus stays on the comment, not on the page.
                    main.current?.focus();
                  }}
                >
                  Undo
                </button>
              </p>
            ) : comment.state === "deleted" ? (
              <p className="comment__tombstone">[deleted]</p>
            ) : comment.state === "hidden" ? (
              <p className="comment__tombstone">
                {comment.hiddenByReports ? "Hidden after several reports, awaiting a moderator." : `Hidden by the moderators${comment.hiddenReason ? `: ${comment.hiddenReason}` : "."}`}
              </p>
            ) : editing ? (
              <Composer
                draftKey={`edit-${comment.id}`}
                label="Edit your comment"
                submitLabel="Save"
                initial={comment.source ?? ""}
                autoFocus
                onCancel={() => setEditing(false)}
                onSubmit={async (body) => {
                  await actions.edit(comment.id, body);
                  setEditing(false);
                }}
              />
            ) : (
              <div className="comment__body" dangerouslySetInnerHTML={{ __html: comment.html ?? "" }} />
            )}
            {comment.state === "held" && comment.holdReasons && !editing && <HeldNotice reasons={comment.holdReasons} waitSeconds={comment.reviewWaitSeconds} />}
            {!tombstone && !editing && !pending && (
              <footer className="comment__actions">
                <button
                  type="button"
                  className={`comment__vote${comment.voted ? " comment__vote--on" : ""}`}
                  aria-pressed={comment.voted}
                  aria-label={`Upvote (${comment.upvotes})`}
                  disabled={comment.mine || comment.state !== "published"}
                  onClick={() => actions.vote(comment.id)}
                >
                  ▲ {comment.upvotes}
                </button>
                {actions.canWrite && !comment.locked && (
                  <button type="button" className="link-button" onClick={() => setReplying(!replying)}>
                    Reply
                  </button>
                )}
                <button type="button" className="link-button" onClick={() => actions.copyLink(permalink)}>
                  Link
                </button>
                {actions.signedIn && !comment.mine && comment.state === "published" && <ReportButton target={{ type: "comment", id: comment.id }} />}
                {actions.signedIn && comment.parentId === null && comment.state === "published" && <ThreadWatch rootId={comment.id} />}
                {comment.mine && (
                  <>
                    <button type="button" className="link-button" onClick={() => setEditing(true)}>
                      Edit
                    </button>
                    <button type="button" className="link-button comment__delete" onClick={() => actions.scheduleDelete(comment.id)}>
                      Delete
                    </button>
                  </>
                )}
              </footer>
            )}
            {!pending && !pendingDelete && !editing && <CommentModeration comment={comment} />}
            {replying && (
              <Composer
                draftKey={`reply-${comment.id}`}
                label={`Reply to ${comment.author?.name ?? "this comment"}`}
                submitLabel="Reply"
                autoFocus
                onCancel={() => setReplying(false)}
                onSubmit={async (body) => {
                  await actions.reply(comment, body);
                  setReplying(false);
                }}
              />
            )}
          </>
        )}
      </div>
      {!collapsed && node.replies.length > 0 && !atDepthLimit && (
        <ol className="comment__replies">
          {node.replies.map((reply) => (
            <CommentItem key={reply.comment.id} node={reply} depthFromTop={depthFromTop + 1} />
          ))}
        </ol>
      )}
      {!collapsed && comment.replyCount > 0 && atDepthLimit && (
        // One hop: the subtree opens from this comment, so its first reply is the first thing shown.
        <Link className="comment__continue" href={`${permalink}?from=${comment.id}`}>
          Continue this thread ({comment.replyCount} repl{comment.replyCount === 1 ? "y" : "ies"}) →
        </Link>
      )}
      {!collapsed && unloaded > 0 && !atDepthLimit && (
        <button
          type="button"
          className="link-button comment__more"
          // Not `disabled`: disabling the focused button would drop focus to the page while the replies load.
          aria-disabled={loading}
          onClick={async () => {
            if (loading) return;
            setLoading(true);
            // The button goes away with the replies it brings: focus moves to the first of them, not to the page.
            focusAfterLoad.current = new Set(node.replies.map((reply) => reply.comment.id));
            await actions.loadMore(comment);
            setLoading(false);
          }}
        >
          {loading ? "Loading…" : `${unloaded} more repl${unloaded === 1 ? "y" : "ies"}`}
        </button>
      )}
    </li>
  );
}

/** Tells a held comment's author why it waits, who can see it, and roughly for how long. */
function HeldNotice({ reasons, waitSeconds }: { reasons: string[]; waitSeconds: number | null }) {
  return (
    <div className="comment__held-note" role="note">
      <p>
        <strong>Only you and the moderators can see this comment</strong> until a moderator reviews it. {explainHolds(reasons).join(" ")}
      </p>
      <p>{describeReviewWait(waitSeconds)}</p>
    </div>
  );
}
