"use client";

import { useState } from "react";
import { LocalTime } from "@/components/ui/local-time";
import { useMinuteClock } from "@/components/ui/relative-time";
import type { ModerationActionName } from "@/lib/moderation/actions";
import type { QueueCard } from "@/lib/moderation/queue";
import { CannedReasonPicker, type ReasonGroups } from "./canned-reason-picker";

const REASON_LABELS: Record<string, string> = { SPAM: "Spam", HARASSMENT: "Harassment or hate", OFF_TOPIC: "Off-topic", MISINFORMATION: "Misinformation", OTHER: "Other" };

/** Day and minute, the reader's zone once in the browser. */
const WHEN: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" };

/** How long a held comment has waited for review (the Held tab is worked oldest first). */
function Waiting({ iso }: { iso: string }) {
  const now = useMinuteClock();
  if (now === null) return null;
  const minutes = Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
  const text = minutes < 60 ? `${minutes} min` : minutes < 48 * 60 ? `${Math.floor(minutes / 60)} h` : `${Math.floor(minutes / 1440)} days`;
  return <> · waiting {text}</>;
}

/** How long an author has had their account, which tells a moderator how much history to expect. */
function JoinedAge({ iso }: { iso: string }) {
  const now = useMinuteClock();
  const days = now === null ? null : Math.floor((now - Date.parse(iso)) / 86_400_000);
  if (days !== null && days < 1) return <>joined today</>;
  if (days !== null && days < 60)
    return (
      <>
        joined {days} day{days === 1 ? "" : "s"} ago
      </>
    );
  return <>joined {new Date(iso).toLocaleDateString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" })}</>;
}

interface Props {
  card: QueueCard;
  selected: boolean;
  focused: boolean;
  isAdmin: boolean;
  busy: boolean;
  reason: string;
  /** The site's canned reasons, offered beside the reason field. */
  reasons: ReasonGroups;
  onReason(value: string): void;
  onSelect(selected: boolean): void;
  onFocus(): void;
  onAction(action: ModerationActionName, extra?: Record<string, unknown>): void;
}

/** One item of the review queue: the content, its context, its author's record, its reports, and the actions. */
export function QueueCardView({ card, selected, focused, isAdmin, busy, reason, reasons, onReason, onSelect, onFocus, onAction }: Props) {
  const [customDays, setCustomDays] = useState(30);
  const [slowSeconds, setSlowSeconds] = useState(card.threadSlowSeconds);
  const author = card.author;
  const isComment = card.kind === "comment";
  return (
    <article
      className={`queue-card${focused ? " queue-card--focused" : ""}`}
      data-card={card.key}
      aria-label={`${isComment ? "Comment" : "Note"} by ${author?.name ?? "a deleted account"}`}
      tabIndex={-1}
      onFocus={onFocus}
    >
      <header className="queue-card__header">
        <label className="queue-card__select">
          <input type="checkbox" checked={selected} onChange={(event) => onSelect(event.target.checked)} aria-label="Select for a bulk action" />
        </label>
        <div>
          <p className="queue-card__where">
            {isComment ? "Comment" : "Highlight note"} on <a href={`/essays/${card.essay.slug}${card.commentId ? `/comments/${card.commentId}` : `#hl-${card.highlightId}`}`}>{card.essay.title}</a> ·{" "}
            <LocalTime iso={card.createdAt} options={WHEN} />
          </p>
          <p className="queue-card__badges">
            {card.status === "HELD" && (
              <span className="badge-pill badge-pill--held">
                Held <Waiting iso={card.createdAt} />
              </span>
            )}
            {card.status === "HIDDEN" && <span className="badge-pill badge-pill--hidden">Hidden</span>}
            {card.deleted && <span className="badge-pill">Deleted by author</span>}
            {card.reports.open > 0 && (
              <span className="badge-pill badge-pill--reported">
                {card.reports.open} open report{card.reports.open === 1 ? "" : "s"}
              </span>
            )}
            {card.threadLocked && <span className="badge-pill">Thread locked</span>}
            {card.pinned && <span className="badge-pill">Pinned</span>}
          </p>
          {card.priority && <p className="queue-card__where">Why it is here: {card.priority.reasons.join(" · ")}</p>}
        </div>
      </header>

      {card.passage && <blockquote className="queue-card__passage">{card.passage.length > 300 ? `${card.passage.slice(0, 300)}…` : card.passage}</blockquote>}
      {card.parent && (
        <p className="queue-card__context">
          In reply to <strong>{card.parent.author}</strong>: {card.parent.excerpt}
        </p>
      )}
      {/* bodyHtml was sanitised when the comment was written (lib/markdown/render.ts). */}
      {card.html !== null ? (
        <div className="queue-card__body comment__body" dangerouslySetInnerHTML={{ __html: card.html || "<p><em>(no text)</em></p>" }} />
      ) : (
        <p className="queue-card__body">{card.note}</p>
      )}
      {card.hiddenReason && <p className="queue-card__note">Hidden: {card.hiddenReason}</p>}
      {card.holdReasons.length > 0 && <p className="queue-card__note">Held because: {card.holdReasons.join(" ")}</p>}
      {card.replies.length > 0 && (
        <div className="queue-card__replies">
          <p>
            {card.replyCount} repl{card.replyCount === 1 ? "y" : "ies"}:
          </p>
          <ul>
            {card.replies.map((reply, index) => (
              <li key={index}>
                <strong>{reply.author}</strong>: {reply.excerpt}
              </li>
            ))}
          </ul>
        </div>
      )}
      {card.history.length > 0 && (
        <details className="queue-card__history">
          <summary>
            Edited {card.history.length} time{card.history.length === 1 ? "" : "s"}: earlier versions
          </summary>
          <ol>
            {card.history.map((version, index) => (
              <li key={index}>
                <LocalTime iso={version.at} options={WHEN} />
                <pre>{version.body}</pre>
              </li>
            ))}
          </ol>
        </details>
      )}

      <div className="queue-card__facts">
        {author ? (
          <div>
            <h2>
              <a href={`/u/${author.handle}`}>{author.name}</a> @{author.handle}
            </h2>
            <p>
              <JoinedAge iso={author.joinedAt} /> · {author.publishedComments} published, {author.hiddenComments} hidden · {author.standing.toLowerCase()}
              {author.suspendedUntil && (
                <>
                  {" "}
                  until <LocalTime iso={author.suspendedUntil} options={WHEN} />
                </>
              )}
              {author.role !== "READER" ? ` · ${author.role.toLowerCase()}` : ""}
            </p>
            {author.sanctions.length > 0 && (
              <ul className="queue-card__sanctions">
                {author.sanctions.map((sanction, index) => (
                  <li key={index}>
                    {sanction.kind === "BAN" ? "Banned" : "Suspended"} <LocalTime iso={sanction.at} options={WHEN} />
                    {sanction.endsAt && (
                      <>
                        {" "}
                        until <LocalTime iso={sanction.endsAt} options={WHEN} />
                      </>
                    )}
                    : {sanction.reason}
                    {sanction.lifted ? " (lifted)" : ""}
                  </li>
                ))}
              </ul>
            )}
          </div>
        ) : (
          <div>
            <h2>A deleted account</h2>
          </div>
        )}
        {card.reports.open > 0 && (
          <div>
            <h2>Reports</h2>
            <p>{card.reports.byReason.map((entry) => `${REASON_LABELS[entry.reason] ?? entry.reason} × ${entry.count}`).join(", ")}</p>
            <ul className="queue-card__reports">
              {card.reports.list
                .filter((report) => report.details)
                .map((report, index) => (
                  <li key={index}>
                    @{report.reporter}: “{report.details}”
                  </li>
                ))}
            </ul>
          </div>
        )}
      </div>

      <div className="queue-card__actions">
        <label className="queue-card__reason">
          <span>Reason (shown to the author)</span>
          <input type="text" value={reason} maxLength={500} onChange={(event) => onReason(event.target.value)} placeholder="e.g. Personal attack on another reader" />
        </label>
        <CannedReasonPicker groups={reasons} label="Use a saved reason" onPick={onReason} disabled={busy} />
        <div className="queue-card__buttons">
          {isComment ? (
            <>
              <button type="button" className="button button--primary button--small" disabled={busy} onClick={() => onAction("approve")}>
                Approve <kbd>a</kbd>
              </button>
              {card.status !== "HIDDEN" ? (
                <button type="button" className="button button--danger button--small" disabled={busy} onClick={() => onAction("hide")}>
                  Hide <kbd>h</kbd>
                </button>
              ) : (
                <button type="button" className="button button--small" disabled={busy} onClick={() => onAction("restore")}>
                  Restore <kbd>r</kbd>
                </button>
              )}
              <button type="button" className="button button--small" disabled={busy} onClick={() => onAction(card.threadLocked ? "unlock-thread" : "lock-thread")}>
                {card.threadLocked ? "Unlock thread" : "Lock thread"}
              </button>
              <label className="queue-card__days">
                Slow thread
                <input
                  type="number"
                  min={0}
                  max={3600}
                  value={slowSeconds}
                  onChange={(event) => setSlowSeconds(Number(event.target.value))}
                  aria-label="Seconds between one reader's comments in this thread"
                />
                s
              </label>
              <button type="button" className="button button--small" disabled={busy || !(slowSeconds >= 0 && slowSeconds <= 3600)} onClick={() => onAction("slow-thread", { seconds: slowSeconds })}>
                Set
              </button>
              <button type="button" className="button button--small" disabled={busy} onClick={() => onAction(card.pinned ? "unpin" : "pin")}>
                {card.pinned ? "Unpin" : "Pin"}
              </button>
              {isAdmin && (
                <button type="button" className="button button--danger button--small" disabled={busy} onClick={() => onAction("purge")}>
                  Delete permanently
                </button>
              )}
            </>
          ) : (
            <>
              <button type="button" className="button button--primary button--small" disabled={busy} onClick={() => onAction("dismiss-note-reports")}>
                Approve <kbd>a</kbd>
              </button>
              {card.status !== "HIDDEN" ? (
                <button type="button" className="button button--danger button--small" disabled={busy} onClick={() => onAction("hide-note")}>
                  Hide note <kbd>h</kbd>
                </button>
              ) : (
                <button type="button" className="button button--small" disabled={busy} onClick={() => onAction("restore-note")}>
                  Restore note <kbd>r</kbd>
                </button>
              )}
            </>
          )}
        </div>
        {author && author.role === "READER" && (
          <div className="queue-card__buttons queue-card__buttons--author">
            <span>Author:</span>
            {author.standing === "ACTIVE" ? (
              <>
                <button type="button" className="button button--small" disabled={busy} onClick={() => onAction("suspend", { userId: author.id, days: 1 })}>
                  Suspend 1 day
                </button>
                <button type="button" className="button button--small" disabled={busy} onClick={() => onAction("suspend", { userId: author.id, days: 7 })}>
                  Suspend 1 week
                </button>
                <label className="queue-card__days">
                  or
                  <input type="number" min={1} max={365} value={customDays} onChange={(event) => setCustomDays(Number(event.target.value))} aria-label="Days of suspension" />
                  days
                </label>
                <button
                  type="button"
                  className="button button--small"
                  disabled={busy || !(customDays >= 1 && customDays <= 365)}
                  onClick={() => onAction("suspend", { userId: author.id, days: customDays })}
                >
                  Suspend
                </button>
                <button type="button" className="button button--danger button--small" disabled={busy} onClick={() => onAction("ban", { userId: author.id })}>
                  Ban
                </button>
              </>
            ) : (
              <button type="button" className="button button--small" disabled={busy} onClick={() => onAction("lift-sanction", { userId: author.id })}>
                Lift {author.standing === "BANNED" ? "ban" : "suspension"}
              </button>
            )}
          </div>
        )}
      </div>
    </article>
  );
}
