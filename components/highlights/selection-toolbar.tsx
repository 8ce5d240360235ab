"use client";

import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import type { HighlightColourName } from "@/lib/highlights/colours";
import { ColourSwatches, VisibilitySwitch } from "./colour-swatches";
import type { EssaySelection } from "./use-selection";
import { Composer } from "@/components/discussion/composer";
import { MAX_NOTE_LENGTH } from "@/lib/highlights/schemas";

interface Props {
  selection: EssaySelection;
  signedIn: boolean;
  signInHref: string;
  visibility: "private" | "public";
  onVisibilityChange: (value: "private" | "public") => void;
  onHighlight: (colour: HighlightColourName, note: string | null) => void;
  onCopyLink: () => void;
  /** Starts a discussion on the passage: a public highlight and its first comment. Null when comments are closed. */
  onComment: ((body: string) => Promise<void>) | null;
  /** Focus the first control when the toolbar opens from the keyboard. */
  takeFocus: boolean;
}

const TOOLBAR_WIDTH = 320;

/** The small toolbar beside a selection: highlight in a colour, add a note, copy a link. */
export function SelectionToolbar({ selection, signedIn, signInHref, visibility, onVisibilityChange, onHighlight, onCopyLink, onComment, takeFocus }: Props) {
  const [noting, setNoting] = useState(false);
  const [commenting, setCommenting] = useState(false);
  const [note, setNote] = useState("");
  const toolbar = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (takeFocus) toolbar.current?.querySelector<HTMLElement>("button, a")?.focus();
  }, [takeFocus]);

  const { bottom, left, right } = selection.anchorRect;
  const centre = (left + right) / 2;
  const style = {
    top: bottom + window.scrollY + 10,
    left: Math.max(8, Math.min(centre - TOOLBAR_WIDTH / 2, document.documentElement.clientWidth - TOOLBAR_WIDTH - 8)) + window.scrollX,
  };

  return (
    <div
      ref={toolbar}
      data-selection-ui
      className="selection-toolbar"
      role="toolbar"
      aria-label="Highlight the selected passage"
      style={style}
      onMouseDown={(event) => event.target === event.currentTarget && event.preventDefault()}
    >
      {signedIn ? (
        <>
          <div className="selection-toolbar__row">
            <ColourSwatches verb="Highlight" onPick={(colour) => onHighlight(colour, noting ? note : null)} />
            <button type="button" className="toolbar-button" aria-expanded={noting} onClick={() => setNoting((open) => !open)}>
              {noting ? "No note" : "Note"}
            </button>
            {onComment && (
              <button type="button" className="toolbar-button" aria-expanded={commenting} onClick={() => setCommenting((open) => !open)}>
                Comment
              </button>
            )}
            <button type="button" className="toolbar-button" onClick={onCopyLink}>
              Copy link
            </button>
          </div>
          <div className="selection-toolbar__row selection-toolbar__row--meta">
            <VisibilitySwitch value={visibility} onChange={onVisibilityChange} />
          </div>
          {commenting && onComment && (
            <div className="selection-toolbar__comment">
              <p className="selection-toolbar__hint">Your comment starts a public discussion of this passage.</p>
              <Composer draftKey={`passage-${selection.start}-${selection.end}`} label="Comment on the selected passage" submitLabel="Post comment" autoFocus onSubmit={onComment} />
            </div>
          )}
          {noting && (
            <div className="selection-toolbar__note">
              <label htmlFor="new-highlight-note" className="visually-hidden">
                Note
              </label>
              <textarea
                id="new-highlight-note"
                rows={3}
                maxLength={MAX_NOTE_LENGTH}
                placeholder="Why does this passage matter? (optional)"
                value={note}
                onChange={(event) => setNote(event.target.value)}
              />
              <p className="selection-toolbar__hint">Pick a colour to save the highlight with this note.</p>
            </div>
          )}
        </>
      ) : (
        <div className="selection-toolbar__row">
          <Link className="toolbar-button toolbar-button--primary" href={signInHref}>
            Sign in to highlight or comment
          </Link>
          <button type="button" className="toolbar-button" onClick={onCopyLink}>
            Copy link
          </button>
        </div>
      )}
    </div>
  );
}
