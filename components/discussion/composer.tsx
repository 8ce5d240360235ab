"use client";

import * as commentOps from "@/lib/comments/contracts.browser";
import { useEffect, useRef, useState } from "react";
import { ApiError, callOperation } from "@/components/api-client";
import { MAX_COMMENT_LENGTH } from "@/lib/comments/limits";
import { MentionSuggestions } from "./mention-suggestions";
import { useMentionAutocomplete } from "./use-mention-autocomplete";

interface Props {
  /** Where the draft is kept locally, so a reload does not lose it. */
  draftKey: string;
  label: string;
  submitLabel: string;
  initial?: string;
  autoFocus?: boolean;
  onSubmit: (body: string) => Promise<void>;
  onCancel?: () => void;
}

/** Quotes text as a Markdown block quote. */
function asQuote(text: string): string {
  return `${text
    .trim()
    .split(/\n+/)
    .map((line) => `> ${line}`)
    .join("\n>\n")}\n\n`;
}

/**
 * The comment composer: Markdown with a live preview rendered by the server's
 * own parser and sanitiser, a visible counter, "Quote" for the selected part
 * of the essay or of a comment, and a draft that survives a reload.
 */
export function Composer({ draftKey, label, submitLabel, initial = "", autoFocus, onSubmit, onCancel }: Props) {
  const storageKey = `glossa:draft:${draftKey}`;
  const [body, setBody] = useState(() => (typeof localStorage !== "undefined" ? localStorage.getItem(storageKey) : null) ?? initial);
  const [tab, setTab] = useState<"write" | "preview">("write");
  const [preview, setPreview] = useState<string>("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const quotable = useRef("");
  const mention = useMentionAutocomplete(field, body, setBody);

  useEffect(() => {
    if (body && body !== initial) localStorage.setItem(storageKey, body);
    else localStorage.removeItem(storageKey);
  }, [body, initial, storageKey]);

  useEffect(() => {
    const remember = () => {
      const text = document.getSelection()?.toString() ?? "";
      if (text.trim() && !field.current?.contains(document.getSelection()?.anchorNode ?? null)) quotable.current = text;
    };
    document.addEventListener("selectionchange", remember);
    return () => document.removeEventListener("selectionchange", remember);
  }, []);

  const showPreview = async () => {
    setTab("preview");
    if (!body.trim()) return setPreview("");
    try {
      setPreview((await callOperation(commentOps.previewMarkdown, { body: { body } })).html);
    } catch (caught) {
      setPreview("");
      setError(caught instanceof ApiError ? caught.message : "The preview could not be made.");
    }
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await onSubmit(body);
      localStorage.removeItem(storageKey);
      setBody("");
      setTab("write");
    } catch (caught) {
      setError(caught instanceof ApiError ? (caught.fieldErrors.body?.[0] ?? caught.message) : "Your comment could not be posted. Please try again.");
    } finally {
      setPending(false);
    }
  };

  const id = `composer-${draftKey.replace(/[^\w-]/g, "-")}`;
  return (
    <form className="composer" onSubmit={submit}>
      <div className="composer__bar">
        {/* Only the two tabs are in the tablist; Quote is an action, not a view. */}
        <div className="composer__tabs" role="tablist" aria-label="Write or preview">
          <button type="button" role="tab" aria-selected={tab === "write"} onClick={() => setTab("write")}>
            Write
          </button>
          <button type="button" role="tab" aria-selected={tab === "preview"} onClick={showPreview}>
            Preview
          </button>
        </div>
        <button
          type="button"
          className="composer__quote"
          onClick={() => {
            if (!quotable.current) return setError("Select words in the essay or a comment first, then press Quote.");
            setBody((current) => `${current}${current && !current.endsWith("\n\n") ? "\n\n" : ""}${asQuote(quotable.current)}`);
            setTab("write");
            field.current?.focus();
          }}
        >
          Quote selection
        </button>
      </div>
      {tab === "write" ? (
        <>
          <label htmlFor={id} className="visually-hidden">
            {label}
          </label>
          <textarea
            ref={field}
            id={id}
            value={body}
            onChange={(event) => setBody(event.target.value)}
            rows={4}
            placeholder="Markdown: *emphasis*, **strong**, [links](https://…), > quotes, `code`"
            autoFocus={autoFocus}
            aria-describedby={`${id}-count`}
            {...mention.fieldProps}
          />
          <MentionSuggestions {...mention.suggestions} />
        </>
      ) : (
        <div className="composer__preview comment__body" aria-live="polite" dangerouslySetInnerHTML={{ __html: preview || "<p><em>Nothing to preview yet.</em></p>" }} />
      )}
      {error && (
        <p className="form-message form-message--error" role="alert">
          {error}
        </p>
      )}
      <div className="composer__footer">
        <span id={`${id}-count`} className={`composer__count${body.length > MAX_COMMENT_LENGTH ? " composer__count--over" : ""}`}>
          {body.length.toLocaleString("en")} / {MAX_COMMENT_LENGTH.toLocaleString("en")}
        </span>
        {onCancel && (
          <button type="button" className="link-button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button button--primary composer__submit" disabled={pending || !body.trim() || body.length > MAX_COMMENT_LENGTH}>
          {pending ? "Posting…" : submitLabel}
        </button>
      </div>
    </form>
  );
}
