"use client";

import { useState } from "react";
import { useThreadActions } from "@/components/discussion/thread-actions";
import type { CommentView } from "@/lib/comments/view";
import type { EssayModeration } from "@/lib/moderation/load-essay-moderation";
import { AuthorCard } from "./author-card";
import { reviseEssayModeration } from "./essay-moderation-store";
import { HideForm } from "./hide-form";
import { ModerationDisclosure } from "./moderation-disclosure";
import { useModerationAction } from "./use-moderation-action";

/** Settles a comment's open reports in the page's extras: the action just did. */
const settleReports = (id: number) => reviseEssayModeration((value) => ({ ...value, openReports: { ...value.openReports, comments: { ...value.openReports.comments, [String(id)]: 0 } } }));

/**
 * A moderator's tools on one comment of the essay page: approve a held one,
 * hide with a reason, restore, dismiss reports, pin, lock the thread (on its
 * first comment, where thread settings live), and the author's card. Each
 * goes through the moderation operation, then the comment is read again.
 */
export function CommentTools({ comment, extras }: { comment: CommentView; extras: EssayModeration }) {
  const thread = useThreadActions();
  const { busy, outcome, run } = useModerationAction();
  const [hiding, setHiding] = useState(false);
  const [card, setCard] = useState(false);
  const reports = extras.openReports.comments[String(comment.id)] ?? 0;
  const who = comment.author?.name ?? "a deleted account";
  const target = { commentIds: [comment.id] };
  const refresh = () => thread.refresh(comment.id);
  const isRoot = comment.parentId === null;
  return (
    <ModerationDisclosure subject={`the comment by ${who}`} openReports={reports} outcome={outcome} flags={comment.locked ? ["thread locked"] : []}>
      <div className="inline-moderation__buttons">
        {comment.state === "held" && (
          <button
            type="button"
            className="button button--primary button--small"
            disabled={busy}
            onClick={() => run({ action: "approve", ...target }, "Approved: everyone can see it now.", () => (settleReports(comment.id), refresh()))}
          >
            Approve
          </button>
        )}
        {comment.state === "published" && reports > 0 && (
          <button type="button" className="button button--small" disabled={busy} onClick={() => run({ action: "approve", ...target }, "Reports dismissed.", () => settleReports(comment.id))}>
            Dismiss reports
          </button>
        )}
        {comment.state === "hidden" ? (
          <button type="button" className="button button--small" disabled={busy} onClick={() => run({ action: "restore", ...target }, "Restored.", refresh)}>
            Restore
          </button>
        ) : (
          <button type="button" className="button button--small" aria-expanded={hiding} disabled={busy} onClick={() => setHiding(!hiding)}>
            Hide…
          </button>
        )}
        {comment.state === "published" && (
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={() => run({ action: comment.pinned ? "unpin" : "pin", ...target }, comment.pinned ? "Unpinned." : "Pinned.", refresh)}
          >
            {comment.pinned ? "Unpin" : "Pin"}
          </button>
        )}
        {isRoot && (
          <button
            type="button"
            className="button button--small"
            disabled={busy}
            onClick={() => run({ action: comment.locked ? "unlock-thread" : "lock-thread", ...target }, comment.locked ? "Thread unlocked." : "Thread locked: no new replies.", refresh)}
          >
            {comment.locked ? "Unlock thread" : "Lock thread"}
          </button>
        )}
        {comment.author?.handle && (
          <button type="button" className="button button--small" aria-expanded={card} onClick={() => setCard(!card)}>
            Author&apos;s card
          </button>
        )}
      </div>
      {hiding && comment.state !== "hidden" && (
        <HideForm
          what={`the comment by ${who}`}
          reasons={extras.hideReasons}
          busy={busy}
          onCancel={() => setHiding(false)}
          onHide={async (reason) => {
            if (await run({ action: "hide", ...target, reason }, "Hidden.", () => (settleReports(comment.id), refresh()))) setHiding(false);
          }}
        />
      )}
      {card && comment.author?.handle && <AuthorCard handle={comment.author.handle} />}
    </ModerationDisclosure>
  );
}
