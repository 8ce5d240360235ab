"use client";

import Link from "next/link";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { HighlightColourName } from "@/lib/highlights/colours";
import { ColourSwatches, VisibilitySwitch } from "./colour-swatches";
import type { EssaySelection } from "./use-selection";
import { Composer } from "@/components/discussion/composer";
import { MAX_NOTE_LENGTH } from "@/lib/highlights/limits";

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
  /** The reader is highlighting by keyboard: say which keys move the selection. */
  keyboardMode: boolean;
  /** What the passage's controls say, and staff's passage tools (components/passages). */
  passageTools?: React.ReactNode;
}

const TOOLBAR_WIDTH = 320;
const GAP = 10;
const EDGE = 8;

/**
 * Where the toolbar goes, in page coordinates: below the selection's last
 * line when it fits in the viewport, else above it, else pinned to the
 * bottom of the viewport, so that it is never opened out of sight. Measured
 * against the viewport as it was when the selection was made, so later
 * scrolling moves the toolbar with the text.
 */
function placement(anchor: EssaySelection["anchorRect"], height: number) {
  const viewport = window.innerHeight;
  const below = anchor.bottom + GAP;
  const above = anchor.top - GAP - height;
  const top = below + height <= viewport - EDGE ? below : above >= EDGE ? above : Math.max(EDGE, viewport - height - EDGE);
  const centre = (anchor.left + anchor.right) / 2;
  const left = Math.max(EDGE, Math.min(centre - TOOLBAR_WIDTH / 2, document.documentElement.clientWidth - TOOLBAR_WIDTH - EDGE));
  return { top: top + anchor.scrollY, left: left + anchor.scrollX };
}

/** The small toolbar beside a selection: highlight in a colour, add a note, comment, copy a link. */
export function SelectionToolbar({ selection, signedIn, signInHref, visibility, onVisibilityChange, onHighlight, onCopyLink, onComment, takeFocus, keyboardMode, passageTools }: Props) {
  const [noting, setNoting] = useState(false);
  const [commenting, setCommenting] = useState(false);
  const [note, setNote] = useState("");
  const [colour, setColour] = useState<HighlightColourName>("yellow");
  const [height, setHeight] = useState(0);
  const toolbar = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (takeFocus) toolbar.current?.querySelector<HTMLElement>("button, a")?.focus({ preventScroll: true });
  }, [takeFocus]);

  // The height changes as the note or comment field opens; the position follows it.
  useLayoutEffect(() => {
    const element = toolbar.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.offsetHeight));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // On phones the toolbar is pinned to the bottom of the screen: scroll the passage above it.
  const { anchorRect } = selection;
  useLayoutEffect(() => {
    const element = toolbar.current;
    if (!element || height === 0 || getComputedStyle(element).position !== "fixed") return;
    const hidden = anchorRect.bottom + anchorRect.scrollY - window.scrollY - (window.innerHeight - height - 16);
    if (hidden > 0) window.scrollBy({ top: hidden });
  }, [anchorRect, height]);

  const style = placement(anchorRect, height);

  return (
    <div
      ref={toolbar}
      data-selection-ui
      className="selection-toolbar"
      role="toolbar"
      aria-label="Highlight the selected passage"
      aria-describedby={keyboardMode && !noting && !commenting ? "selection-keys" : undefined}
      style={style}
      onMouseDown={(event) => event.target === event.currentTarget && event.preventDefault()}
    >
      {signedIn ? (
        <>
          <div className="selection-toolbar__row">
            {noting ? <ColourSwatches verb="Colour" current={colour} onPick={setColour} /> : <ColourSwatches verb="Highlight" onPick={(picked) => onHighlight(picked, null)} />}
            <button
              type="button"
              className="toolbar-button"
              aria-expanded={noting}
              onClick={() => {
                setNoting((open) => !open);
                setCommenting(false);
              }}
            >
              {noting ? "No note" : "Note"}
            </button>
            {onComment && (
              <button
                type="button"
                className="toolbar-button"
                aria-expanded={commenting}
                onClick={() => {
                  setCommenting((open) => !open);
                  setNoting(false);
                }}
              >
                Comment
              </button>
            )}
            <button type="button" className="toolbar-button" onClick={onCopyLink}>
              Copy link
            </button>
          </div>
          {/* What applies to this passage, before anything is written. */}
          {passageTools}
          {/* A comment is always public, so the switch is only for highlights. */}
          {!commenting && (
            <div className="selection-toolbar__row selection-toolbar__row--meta">
              <VisibilitySwitch value={visibility} onChange={onVisibilityChange} />
            </div>
          )}
          {commenting && onComment && (
            <div className="selection-toolbar__comment">
              <p className="selection-toolbar__hint">Your comment starts a public discussion of this passage, highlighted for everyone.</p>
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
                autoFocus
                onChange={(event) => setNote(event.target.value)}
              />
              <div className="selection-toolbar__row">
                <button type="button" className="toolbar-button toolbar-button--primary" onClick={() => onHighlight(colour, note)}>
                  Save highlight
                </button>
                <span className="selection-toolbar__hint">
                  In {colour}, {visibility === "public" ? "public" : "only you"}
                </span>
              </div>
            </div>
          )}
          {keyboardMode && !noting && !commenting && (
            <p className="selection-toolbar__hint" id="selection-keys">
              Shift+←/→ moves the end a word, Shift+↑/↓ the start; add Alt to move a sentence. Escape cancels.
            </p>
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
