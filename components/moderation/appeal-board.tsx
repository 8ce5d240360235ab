"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError, callOperation } from "@/components/api-client";
import { LocalTime } from "@/components/ui/local-time";
import type { AppealCard } from "@/lib/moderation/appeal-queue";
import { moderate } from "@/lib/moderation/contracts.browser";

const WHEN: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" };
const KIND = { BAN: "Ban", SUSPENSION: "Suspension" } as const;
const STATUS: Record<string, string> = { PUBLISHED: "published", HELD: "held", HIDDEN: "hidden", OPEN: "waiting", GRANTED: "granted", DENIED: "denied" };

/** The Appeals tab: each waiting appeal with its sanction's history, the reader's record, and Grant or Deny with an answer to the reader. */
export function AppealBoard({ cards, emptyText }: { cards: AppealCard[]; emptyText: string }) {
  const router = useRouter();
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  async function decide(card: AppealCard, action: "grant-appeal" | "deny-appeal") {
    const reason = (answers[card.id] ?? "").trim();
    if (action === "deny-appeal" && reason.length < 3) {
      setMessage({ tone: "error", text: "Write your answer to the reader first: a denial says why." });
      document.getElementById(`answer-${card.id}`)?.focus();
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      await callOperation(moderate, { body: { action, appealId: card.id, ...(reason ? { reason } : {}) } });
      setMessage({
        tone: "ok",
        text: action === "grant-appeal" ? `Granted: @${card.appellant.handle}'s sanction is lifted and they are told.` : `Denied: @${card.appellant.handle} is told your answer.`,
      });
      router.refresh();
    } catch (error) {
      setMessage({ tone: "error", text: error instanceof ApiError ? error.message : "That did not work. Please try again." });
    } finally {
      setBusy(false);
    }
  }

  if (cards.length === 0) return <p className="empty-state">{emptyText}</p>;
  return (
    <div className="queue-board">
      {message && (
        <p className={message.tone === "error" ? "form-error" : "form-success"} role={message.tone === "error" ? "alert" : "status"}>
          {message.text}
        </p>
      )}
      {cards.map((card) => (
        <article key={card.id} className="queue-card appeal-card" aria-labelledby={`appeal-${card.id}`}>
          <header className="queue-card__header">
            <div>
              <h2 id={`appeal-${card.id}`} className="appeal-card__title">
                Appeal by <a href={`/u/${card.appellant.handle}`}>{card.appellant.name}</a> @{card.appellant.handle}
              </h2>
              <p className="queue-card__where">
                Sent <LocalTime iso={card.createdAt} options={WHEN} /> against a {KIND[card.sanction.kind].toLowerCase()}
                {card.sanction.inForce ? "" : " that is no longer in force"}
              </p>
            </div>
          </header>
          <blockquote className="appeal-card__message">{card.message}</blockquote>
          <div className="queue-card__facts">
            <div>
              <h3>The sanction</h3>
              <p>
                {KIND[card.sanction.kind]} issued <LocalTime iso={card.sanction.issuedAt} options={WHEN} /> by {card.sanction.issuedBy ? `@${card.sanction.issuedBy}` : "a former moderator"}
                {card.sanction.endsAt && (
                  <>
                    , until <LocalTime iso={card.sanction.endsAt} options={WHEN} />
                  </>
                )}
                .
              </p>
              <p>Reason: {card.sanction.reason}</p>
              {card.earlierAppeals.length > 0 && (
                <>
                  <h3>Earlier appeals</h3>
                  <ul className="queue-card__sanctions">
                    {card.earlierAppeals.map((appeal) => (
                      <li key={appeal.id}>
                        <LocalTime iso={appeal.createdAt} options={WHEN} />, {STATUS[appeal.status] ?? appeal.status}
                        {appeal.decidedBy ? ` by @${appeal.decidedBy}` : ""}: “{appeal.message}”{appeal.note ? ` Answer: ${appeal.note}` : ""}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
            <div>
              <h3>Recent record</h3>
              <p>
                Joined <LocalTime iso={card.appellant.joinedAt} options={{ day: "numeric", month: "short", year: "numeric" }} /> · {card.record.publishedComments} published,{" "}
                {card.record.hiddenComments} hidden · {card.record.upheldReports} report{card.record.upheldReports === 1 ? "" : "s"} upheld against them
              </p>
              {card.record.recentComments.length > 0 && (
                <ul className="queue-card__sanctions">
                  {card.record.recentComments.map((comment) => (
                    <li key={comment.id}>
                      <a href={`/essays/${comment.slug}/comments/${comment.id}`}>
                        <LocalTime iso={comment.at} options={WHEN} />
                      </a>{" "}
                      ({STATUS[comment.status] ?? comment.status}): {comment.excerpt}
                    </li>
                  ))}
                </ul>
              )}
              {card.record.sanctions.length > 1 && (
                <>
                  <h3>All sanctions</h3>
                  <ul className="queue-card__sanctions">
                    {card.record.sanctions.map((sanction) => (
                      <li key={sanction.id}>
                        {KIND[sanction.kind]} <LocalTime iso={sanction.issuedAt} options={WHEN} />
                        {sanction.issuedBy ? ` by @${sanction.issuedBy}` : ""}: {sanction.reason}
                        {sanction.lifted ? " (lifted)" : ""}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </div>
          </div>
          <div className="queue-card__actions">
            <label className="queue-card__reason">
              <span>Answer (shown to the reader; needed to deny)</span>
              <input
                id={`answer-${card.id}`}
                type="text"
                maxLength={500}
                value={answers[card.id] ?? ""}
                onChange={(event) => setAnswers((current) => ({ ...current, [card.id]: event.target.value }))}
                placeholder="e.g. Thank you for explaining; the ban is lifted."
              />
            </label>
            <div className="queue-card__buttons">
              <button type="button" className="button button--primary button--small" disabled={busy} onClick={() => void decide(card, "grant-appeal")}>
                Grant and lift
              </button>
              <button type="button" className="button button--danger button--small" disabled={busy} onClick={() => void decide(card, "deny-appeal")}>
                Deny
              </button>
            </div>
          </div>
        </article>
      ))}
    </div>
  );
}
