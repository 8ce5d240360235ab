"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { countReplies, MAX_VISIBLE_DEPTH, type CommentNode } from "@/lib/comments/tree";
import { ReportButton } from "@/components/moderation/report-button";
import { ThreadWatch } from "@/components/notifications/thread-watch";
import { Composer } from "./composer";
import { useThreadActions } from "./thread-actions";

function timeAgo(iso: string): string {
  const seconds = Math.max(1, Math.round((Date.now() - Date.parse(iso)) / 1000));
  if (seconds < 60) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric" });
}

/** One comment and, below it, its replies to the visible depth. */
export function CommentItem({ node, depthFromTop }: { node: CommentNode; depthFromTop: number }) {
  const actions = useThreadActions();
  const { comment } = node;
  const [replying, setReplying] = useState(false);
  const [editing, setEditing] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const hiddenReplies = comment.replyCount - countReplies(node);
  const tombstone = comment.state === "deleted" || comment.state === "hidden";
  const permalink = `/essays/${actions.slug}/comments/${comment.id}`;
  const isTarget = actions.targetId === comment.id;
  const element = useRef<HTMLLIElement>(null);

  useEffect(() => {
    if (isTarget) element.current?.scrollIntoView({ block: "center" });
  }, [isTarget]);

  return (
    <li ref={element} className={`comment comment--${comment.state}${comment.mine ? " comment--mine" : ""}${isTarget ? " comment--target" : ""}`} id={`c-${comment.id}`} data-comment-id={comment.id}>
      <div className="comment__main">
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
            <time dateTime={comment.createdAt}>{timeAgo(comment.createdAt)}</time>
          </Link>
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
            {comment.state === "deleted" ? (
              <p className="comment__tombstone">[deleted]</p>
            ) : comment.state === "hidden" ? (
              <p className="comment__tombstone">Hidden by the moderators{comment.hiddenReason ? `: ${comment.hiddenReason}` : "."}</p>
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
            {!tombstone && !editing && (
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
                    <button type="button" className="link-button comment__delete" onClick={() => actions.remove(comment.id)}>
                      Delete
                    </button>
                  </>
                )}
              </footer>
            )}
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
      {!collapsed && node.replies.length > 0 && depthFromTop + 1 < MAX_VISIBLE_DEPTH && (
        <ol className="comment__replies">
          {node.replies.map((reply) => (
            <CommentItem key={reply.comment.id} node={reply} depthFromTop={depthFromTop + 1} />
          ))}
        </ol>
      )}
      {!collapsed && (node.replies.length > 0 || hiddenReplies > 0) && depthFromTop + 1 >= MAX_VISIBLE_DEPTH && (
        <Link className="comment__continue" href={`/essays/${actions.slug}/comments/${node.replies[0]?.comment.id ?? comment.id}`}>
          Continue this thread →
        </Link>
      )}
      {!collapsed && hiddenReplies > 0 && depthFromTop + 1 < MAX_VISIBLE_DEPTH && (
        <button type="button" className="link-button comment__more" onClick={() => actions.loadMore(comment)}>
          {hiddenReplies} more repl{hiddenReplies === 1 ? "y" : "ies"}
        </button>
      )}
    </li>
  );
}
