"use client";

import { useEffect, useRef, useState } from "react";
import { ApiError, callOperation } from "@/components/api-client";
import { ColourSwatches, VisibilityIcon, VisibilitySwitch } from "@/components/highlights/colour-swatches";
import { TagLinks } from "@/components/highlights/tag-links";
import * as highlightOps from "@/lib/highlights/contracts.browser";
import type { HighlightColourName } from "@/lib/highlights/colours";
import { MAX_NOTE_LENGTH } from "@/lib/highlights/limits";
import { fieldTagsOf, invalidTags, splitTagField } from "@/lib/highlights/tags";
import type { NotebookEntry as Entry } from "@/lib/notebook/list-notebook-highlights";

const messageOf = (error: unknown) => (error instanceof ApiError ? error.message : "Something went wrong. Please try again.");

/**
 * One highlight in the reader's notebook, edited and deleted where it is,
 * through the same operations as the essay page's panel. Colour and
 * visibility are sent as they are picked; the note and tags with Save.
 * Deleting leaves an Undo in the entry's place. The button pressed goes
 * away each time, so focus moves with the reader: Edit to the note, Save or
 * Cancel (or Escape) back to Edit, Delete to Undo, Undo back to Edit.
 */
export function NotebookEntry({ initial, showEssay }: { initial: Entry; showEssay: boolean }) {
  const [entry, setEntry] = useState(initial);
  const [editing, setEditing] = useState(false);
  const [deleted, setDeleted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: "error" | "status"; text: string } | null>(null);
  const [note, setNote] = useState(entry.note ?? "");
  const [tagField, setTagField] = useState(fieldTagsOf(entry.tags, entry.note).join(" "));
  const href = `/essays/${entry.essay.slug}${entry.orphaned ? "" : `#hl-${entry.id}`}`;
  const noteField = useRef<HTMLTextAreaElement>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  // Where focus goes once the entry has re-rendered (the element is not there before); null leaves it where it is.
  const focusNext = useRef<"note" | "edit" | "undo" | null>(null);
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    ({ note: noteField, edit: editButton, undo: undoButton })[target].current?.focus();
  });

  const patch = async (body: { colour?: HighlightColourName; visibility?: "private" | "public"; note?: string | null; tags?: string[] }, done: string) => {
    setBusy(true);
    setMessage(null);
    try {
      const { highlight } = await callOperation(highlightOps.updateHighlight, { params: { highlightId: entry.id }, body });
      setEntry((current) => ({ ...current, colour: highlight.colour, note: highlight.note, tags: highlight.tags, visibility: highlight.visibility }));
      setMessage({ tone: "status", text: done });
      return true;
    } catch (error) {
      setMessage({ tone: "error", text: messageOf(error) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const startEditing = () => {
    setNote(entry.note ?? "");
    setTagField(fieldTagsOf(entry.tags, entry.note).join(" "));
    setMessage(null);
    setEditing(true);
    focusNext.current = "note";
  };

  const stopEditing = () => {
    setEditing(false);
    focusNext.current = "edit";
  };

  const typedTags = splitTagField(tagField);
  const badTags = invalidTags(typedTags);
  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (badTags.length) return;
    const noteChanged = (note.trim() || null) !== entry.note;
    const tagsChanged = typedTags.join(" ") !== fieldTagsOf(entry.tags, entry.note).join(" ");
    if (!noteChanged && !tagsChanged) return stopEditing();
    if (await patch({ ...(noteChanged ? { note: note.trim() || null } : {}), ...(tagsChanged ? { tags: typedTags } : {}) }, "Saved.")) stopEditing();
  };

  const remove = async () => {
    setBusy(true);
    setMessage(null);
    try {
      await callOperation(highlightOps.deleteHighlight, { params: { highlightId: entry.id } });
      setDeleted(true);
      focusNext.current = "undo";
    } catch (error) {
      setMessage({ tone: "error", text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  const restore = async () => {
    setBusy(true);
    try {
      await callOperation(highlightOps.restoreHighlight, { params: { highlightId: entry.id } });
      setDeleted(false);
      setEditing(false);
      focusNext.current = "edit";
      setMessage({ tone: "status", text: "Highlight restored." });
    } catch (error) {
      setMessage({ tone: "error", text: messageOf(error) });
    } finally {
      setBusy(false);
    }
  };

  if (deleted) {
    return (
      <li className="notebook-entry notebook-entry--deleted">
        <p role="status">
          Highlight deleted.{" "}
          <button ref={undoButton} type="button" className="link-button" disabled={busy} onClick={restore}>
            Undo
          </button>
        </p>
      </li>
    );
  }

  return (
    <li className={`notebook-entry notebook-entry--${entry.colour} notebook-entry--${entry.visibility}`} data-testid="notebook-entry">
      <blockquote className="notebook-entry__quote">{entry.exact}</blockquote>
      {!editing && entry.note && <p className="notebook-entry__note">{entry.note}</p>}
      {!editing && entry.noteHiddenReason && <p className="notebook-entry__hidden">Your note is hidden from other readers: {entry.noteHiddenReason}</p>}
      {!editing && <TagLinks tags={entry.tags} visibility={entry.visibility} />}
      {editing && (
        <form
          className="notebook-entry__form"
          onSubmit={save}
          aria-label="Edit this highlight"
          onKeyDown={(event) => {
            if (event.key === "Escape") {
              event.preventDefault();
              stopEditing();
            }
          }}
        >
          <ColourSwatches verb="Change colour to" current={entry.colour} onPick={(colour) => void patch({ colour }, `Now ${colour}.`)} />
          <VisibilitySwitch value={entry.visibility} onChange={(visibility) => void patch({ visibility }, visibility === "public" ? "Now public." : "Now only you can see it.")} />
          <label htmlFor={`nb-note-${entry.id}`}>Note</label>
          <textarea ref={noteField} id={`nb-note-${entry.id}`} rows={3} maxLength={MAX_NOTE_LENGTH} value={note} onChange={(event) => setNote(event.target.value)} />
          <label htmlFor={`nb-tags-${entry.id}`}>Tags</label>
          <input
            id={`nb-tags-${entry.id}`}
            value={tagField}
            autoComplete="off"
            placeholder="memory, method"
            aria-invalid={badTags.length > 0}
            aria-describedby={`nb-tags-hint-${entry.id}`}
            onChange={(event) => setTagField(event.target.value)}
          />
          <p id={`nb-tags-hint-${entry.id}`} className={badTags.length ? "notebook-entry__hint notebook-entry__hint--error" : "notebook-entry__hint"}>
            {badTags.length ? `Not a tag: ${badTags.join(", ")}. Use letters, digits, "-" or "_".` : "Separate tags with spaces or commas; #words in the note are tags too."}
          </p>
          <div className="notebook-entry__actions">
            <button type="submit" className="button button--small button--primary" disabled={busy || badTags.length > 0}>
              Save
            </button>
            <button type="button" className="button button--small" onClick={stopEditing}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <p className="notebook-entry__meta">
        <span className="notebook-entry__visibility">
          <VisibilityIcon visibility={entry.visibility} />
          {entry.visibility === "private" ? "Only you" : "Public"}
        </span>
        {" · "}
        <time dateTime={entry.createdAt}>{new Date(entry.createdAt).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" })}</time>
        {showEssay && (
          <>
            {" · "}
            <a href={`/essays/${entry.essay.slug}`}>{entry.essay.title}</a>
          </>
        )}
        {entry.commentCount > 0 && ` · ${entry.commentCount} comment${entry.commentCount === 1 ? "" : "s"}`}
      </p>
      <div className="notebook-entry__actions">
        <a href={href}>{entry.orphaned ? "Open the essay (passage removed)" : "Open passage"}</a>
        {!editing && (
          <button ref={editButton} type="button" className="link-button" onClick={startEditing}>
            Edit
          </button>
        )}
        <button type="button" className="link-button notebook-entry__delete" disabled={busy} onClick={remove}>
          Delete
        </button>
      </div>
      {message && (
        <p className={message.tone === "error" ? "form-message form-message--error" : "notebook-entry__status"} role={message.tone === "error" ? "alert" : "status"}>
          {message.text}
        </p>
      )}
    </li>
  );
}
