"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { ApiError } from "@/components/api-client";
import type { QueueCard } from "@/lib/moderation/queue";
import { callOperation } from "@/components/api-client";
import type { ModerationActionName, ModerationActionRequest } from "@/lib/moderation/actions";
import { moderate } from "@/lib/moderation/contracts.browser";
import type { ReasonGroups } from "./canned-reason-picker";
import { QueueCardView } from "./queue-card";

const NEEDS_REASON = new Set(["hide", "purge", "hide-note", "suspend", "ban"]);

function targetOf(card: QueueCard): Record<string, unknown> {
  return card.kind === "comment" ? { commentIds: [card.commentId] } : { highlightIds: [card.highlightId] };
}

/**
 * The review queue's cards, worked by mouse or keyboard: j/k move between
 * cards, x selects, a approves, h hides (with the reason typed on the card),
 * r restores. Selected cards can be approved or hidden together.
 */
export function QueueBoard({ cards, isAdmin, emptyText, cannedReasons }: { cards: QueueCard[]; isAdmin: boolean; emptyText: string; cannedReasons: ReasonGroups }) {
  const router = useRouter();
  const [focus, setFocus] = useState(0);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [bulkReason, setBulkReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  const run = useCallback(
    async (body: ModerationActionRequest, done: string) => {
      setBusy(true);
      setMessage(null);
      try {
        await callOperation(moderate, { body });
        setMessage({ tone: "ok", text: done });
        setSelected(new Set());
        router.refresh();
      } catch (error) {
        setMessage({ tone: "error", text: error instanceof ApiError ? error.message : "That did not work. Please try again." });
      } finally {
        setBusy(false);
      }
    },
    [router],
  );

  const act = useCallback(
    (card: QueueCard, action: ModerationActionName, extra: Record<string, unknown> = {}) => {
      const reason = (reasons[card.key] ?? "").trim();
      if (NEEDS_REASON.has(action) && reason.length < 3) {
        setMessage({ tone: "error", text: "Type a reason on the card first: the author will read it." });
        document.querySelector<HTMLInputElement>(`[data-card="${card.key}"] .queue-card__reason input`)?.focus();
        return;
      }
      const target = action === "suspend" || action === "ban" || action === "lift-sanction" ? {} : targetOf(card);
      void run({ action, ...target, ...extra, ...(reason ? { reason } : {}) }, `Done: ${action.replace(/-/g, " ")}.`);
    },
    [reasons, run],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLElement && event.target.closest("input, textarea, select");
      if (typing || event.metaKey || event.ctrlKey || event.altKey || cards.length === 0) return;
      const card = cards[Math.min(focus, cards.length - 1)]!;
      const move = (to: number) => {
        const next = Math.max(0, Math.min(cards.length - 1, to));
        setFocus(next);
        document.querySelector<HTMLElement>(`[data-card="${cards[next]!.key}"]`)?.focus();
      };
      if (event.key === "j") move(focus + 1);
      else if (event.key === "k") move(focus - 1);
      else if (event.key === "x") setSelected((current) => toggle(current, card.key));
      else if (event.key === "a") act(card, card.kind === "comment" ? "approve" : "dismiss-note-reports");
      else if (event.key === "h") act(card, card.kind === "comment" ? "hide" : "hide-note");
      else if (event.key === "r" && card.status === "HIDDEN") act(card, card.kind === "comment" ? "restore" : "restore-note");
      else return;
      event.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [cards, focus, act]);

  const chosen = cards.filter((card) => selected.has(card.key));
  const bulk = (action: "approve" | "hide") => {
    if (action === "hide" && bulkReason.trim().length < 3) return setMessage({ tone: "error", text: "Type a reason for hiding the selected items." });
    const commentIds = chosen.flatMap((card) => (card.commentId ? [card.commentId] : []));
    const highlightIds = chosen.flatMap((card) => (card.highlightId ? [card.highlightId] : []));
    const reason = bulkReason.trim() ? { reason: bulkReason.trim() } : {};
    void (async () => {
      if (commentIds.length) await run({ action, commentIds, ...reason }, `Done for ${chosen.length} items.`);
      if (highlightIds.length) await run({ action: action === "approve" ? "dismiss-note-reports" : "hide-note", highlightIds, ...reason }, `Done for ${chosen.length} items.`);
    })();
  };

  if (cards.length === 0) return <p className="empty-state">{emptyText}</p>;
  return (
    <div className="queue-board">
      <div className="queue-board__bulk" aria-label="Bulk actions">
        <span>{chosen.length} selected</span>
        <input
          type="text"
          value={bulkReason}
          onChange={(event) => setBulkReason(event.target.value)}
          placeholder="Reason for the selected items"
          aria-label="Reason for the selected items"
          maxLength={500}
        />
        <button type="button" className="button button--small" disabled={busy || chosen.length === 0} onClick={() => bulk("approve")}>
          Approve selected
        </button>
        <button type="button" className="button button--danger button--small" disabled={busy || chosen.length === 0} onClick={() => bulk("hide")}>
          Hide selected
        </button>
        <span className="queue-board__keys">
          Keys: <kbd>j</kbd>/<kbd>k</kbd> move, <kbd>x</kbd> select, <kbd>a</kbd> approve, <kbd>h</kbd> hide, <kbd>r</kbd> restore
        </span>
      </div>
      {message && (
        <p className={message.tone === "error" ? "form-error" : "form-success"} role={message.tone === "error" ? "alert" : "status"}>
          {message.text}
        </p>
      )}
      {cards.map((card, index) => (
        <QueueCardView
          key={card.key}
          card={card}
          selected={selected.has(card.key)}
          focused={index === focus}
          isAdmin={isAdmin}
          busy={busy}
          reason={reasons[card.key] ?? ""}
          reasons={cannedReasons}
          onReason={(value) => setReasons((current) => ({ ...current, [card.key]: value }))}
          onSelect={(on) => setSelected((current) => (on === current.has(card.key) ? current : toggle(current, card.key)))}
          onFocus={() => setFocus(index)}
          onAction={(action, extra) => act(card, action, extra)}
        />
      ))}
    </div>
  );
}

function toggle(set: Set<string>, key: string): Set<string> {
  const next = new Set(set);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  return next;
}
