"use client";

import { useEffect, useRef, useState } from "react";
import type { HighlightView } from "@/lib/highlights/view";
import { ColourSwatches, VisibilityIcon, VisibilitySwitch } from "./colour-swatches";
import type { HighlightPatch } from "@/lib/highlights/schemas";
import { ReportButton } from "@/components/moderation/report-button";
import { NoteModeration } from "@/components/moderation/inline/moderation-slots";
import { MAX_NOTE_LENGTH } from "@/lib/highlights/limits";
import { WordDiff } from "@/components/essay/word-diff";
import { useSheetDrag } from "./use-sheet-drag";
import { fieldTagsOf, invalidTags, splitTagField } from "@/lib/highlights/tags";
import { TagLinks } from "./tag-links";

interface Props {
  highlights: HighlightView[];
  /** The passage's discussion, when it has one or can have one. */
  discussion: React.ReactNode;
  readers: number;
  onClose: () => void;
  onUpdate: (id: string, patch: HighlightPatch) => void;
  onDelete: (id: string) => void;
  onCopyLink: (id: string) => void;
  /** Signed-in readers can report another reader's note. */
  signedIn: boolean;
}

/**
 * A passage's panel: the highlights covering it (the reader's own first,
 * editable), who made them and their notes. A side panel in the margin on
 * wide screens, a full-width bottom sheet with a drag handle on narrow ones.
 * It takes focus when it opens (the layer returns focus to the passage when
 * it closes).
 */
export function HighlightPanel({ highlights, discussion, readers, onClose, onUpdate, onDelete, onCopyLink, signedIn }: Props) {
  const quote = highlights[0]?.exact ?? "";
  // A revision changed the words under these highlights: show what was highlighted and what is there now.
  const change = highlights.find((highlight) => highlight.passageChange)?.passageChange ?? null;
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => panel.current?.focus({ preventScroll: true }), []);
  const { handleProps, sheetProps } = useSheetDrag(onClose);
  return (
    <div ref={panel} tabIndex={-1} className="highlight-panel" role="dialog" aria-modal="false" aria-labelledby="highlight-panel-title" {...sheetProps}>
      {/* Shown only while the panel is a bottom sheet (phones). */}
      <button type="button" className="highlight-panel__handle" {...handleProps} />
      <header className="highlight-panel__header">
        <h2 id="highlight-panel-title">{readers === 1 ? "1 reader" : `${readers} readers`} highlighted this</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      {change ? (
        <div className="passage-changed" data-testid="passage-changed">
          <p className="passage-changed__label">Passage changed since it was highlighted</p>
          <blockquote className="highlight-panel__quote">
            <WordDiff parts={change} />
          </blockquote>
        </div>
      ) : (
        <blockquote className="highlight-panel__quote">{quote.length > 280 ? `${quote.slice(0, 280)}…` : quote}</blockquote>
      )}
      <ol className="highlight-panel__list">
        {highlights.map((highlight) =>
          highlight.mine ? (
            <OwnHighlight key={highlight.id} highlight={highlight} onUpdate={onUpdate} onDelete={onDelete} onCopyLink={onCopyLink} />
          ) : (
            <li key={highlight.id} className="highlight-entry">
              <p className="highlight-entry__who">
                <a href={`/u/${highlight.author.handle}`}>{highlight.author.name}</a> <span>@{highlight.author.handle}</span>
              </p>
              {highlight.note && <p className="highlight-entry__note">{highlight.note}</p>}
              <TagLinks tags={highlight.tags} visibility={highlight.visibility} />
              <div className="highlight-entry__actions">
                <button type="button" className="link-button highlight-entry__link" onClick={() => onCopyLink(highlight.id)}>
                  Copy link
                </button>
                {signedIn && highlight.note && <ReportButton target={{ type: "note", id: highlight.id }} label="Report note" />}
              </div>
              <NoteModeration highlight={highlight} />
            </li>
          ),
        )}
      </ol>
      {discussion && (
        <section className="highlight-panel__discussion" aria-label="Discussion of this passage">
          <h3>Discussion</h3>
          {discussion}
        </section>
      )}
    </div>
  );
}

function OwnHighlight({ highlight, onUpdate, onDelete, onCopyLink }: { highlight: HighlightView } & Pick<Props, "onUpdate" | "onDelete" | "onCopyLink">) {
  const [note, setNote] = useState(highlight.note ?? "");
  // The field holds the tags the reader typed; the note's #words are tags too, shown with them below.
  const savedField = fieldTagsOf(highlight.tags, highlight.note).join(" ");
  const [tagField, setTagField] = useState(savedField);
  const typedTags = splitTagField(tagField);
  const badTags = invalidTags(typedTags);
  const noteChanged = note !== (highlight.note ?? "");
  const tagsChanged = typedTags.join(" ") !== savedField;
  const save = (event: React.FormEvent) => {
    event.preventDefault();
    if ((!noteChanged && !tagsChanged) || badTags.length > 0) return;
    onUpdate(highlight.id, { ...(noteChanged ? { note: note.trim() || null } : {}), ...(tagsChanged ? { tags: typedTags } : {}) });
  };
  return (
    <li className={`highlight-entry highlight-entry--mine highlight-entry--${highlight.visibility}`}>
      <p className="highlight-entry__who">
        Your highlight{" "}
        <span className="highlight-entry__visibility">
          <VisibilityIcon visibility={highlight.visibility} /> {highlight.visibility === "private" ? "only you can see it" : "public"}
        </span>
      </p>
      {highlight.noteHiddenReason && <p className="highlight-entry__hidden">Your note is hidden from other readers: {highlight.noteHiddenReason}</p>}
      <ColourSwatches verb="Change colour to" current={highlight.colour} onPick={(colour) => onUpdate(highlight.id, { colour })} />
      <VisibilitySwitch value={highlight.visibility} onChange={(visibility) => onUpdate(highlight.id, { visibility })} />
      <form className="highlight-entry__form" onSubmit={save}>
        <label className="highlight-entry__note-label" htmlFor={`note-${highlight.id}`}>
          Note
        </label>
        <textarea id={`note-${highlight.id}`} rows={3} maxLength={MAX_NOTE_LENGTH} value={note} placeholder="Add a note" onChange={(event) => setNote(event.target.value)} />
        <label className="highlight-entry__note-label" htmlFor={`tags-${highlight.id}`}>
          Tags
        </label>
        <input
          id={`tags-${highlight.id}`}
          className="highlight-entry__tags"
          value={tagField}
          placeholder="memory, method"
          autoComplete="off"
          aria-describedby={`tags-hint-${highlight.id}`}
          aria-invalid={badTags.length > 0}
          onChange={(event) => setTagField(event.target.value)}
        />
        <p id={`tags-hint-${highlight.id}`} className={badTags.length ? "highlight-entry__hint highlight-entry__hint--error" : "highlight-entry__hint"}>
          {badTags.length ? `Not a tag: ${badTags.join(", ")}. Use letters, digits, "-" or "_".` : "Separate tags with spaces or commas; #words in the note are tags too. Enter saves."}
        </p>
        <TagLinks tags={highlight.tags} visibility={highlight.visibility} />
        <div className="highlight-entry__actions">
          <button type="submit" className="button" disabled={(!noteChanged && !tagsChanged) || badTags.length > 0}>
            Save
          </button>
          <button type="button" className="link-button" onClick={() => onCopyLink(highlight.id)}>
            Copy link
          </button>
          <button type="button" className="link-button highlight-entry__delete" onClick={() => onDelete(highlight.id)}>
            Delete
          </button>
        </div>
      </form>
    </li>
  );
}
