"use client";

import Link from "next/link";
import * as exportOps from "@/lib/exports/contracts.browser";
import { operationUrl } from "@/lib/http/contract";
import type { HighlightLayerChoice } from "./scene";

interface Props {
  layer: HighlightLayerChoice;
  onLayerChange: (layer: HighlightLayerChoice) => void;
  counts: { mine: number; everyone: number; readers: number };
  signedIn: boolean;
  signInHref: string;
  keyboardMode: boolean;
  onKeyboardModeChange: (on: boolean) => void;
  /** The page-wide shortcut that turns keyboard highlighting on, e.g. "Alt+Shift+H". */
  shortcut: string;
  /** The essay's slug: a signed-in reader exports their notes on it. */
  slug: string;
}

const EXPORTS = [
  { format: "markdown", label: "Markdown" },
  { format: "csv", label: "CSV" },
  { format: "jsonld", label: "Web Annotation (JSON-LD)" },
] as const;

const LAYERS: { value: HighlightLayerChoice; label: string }[] = [
  { value: "mine", label: "Mine" },
  { value: "everyone", label: "Everyone" },
  { value: "none", label: "None" },
];

/** The bar above the essay: the keyboard way to highlight (first, so it is an early Tab stop), which highlights to show, and what their looks mean. */
export function ReadingTools({ layer, onLayerChange, counts, signedIn, signInHref, keyboardMode, onKeyboardModeChange, shortcut, slug }: Props) {
  return (
    <div className="reading-tools">
      {signedIn ? (
        <button type="button" className="toolbar-button reading-tools__keyboard" aria-pressed={keyboardMode} aria-keyshortcuts={shortcut} onClick={() => onKeyboardModeChange(!keyboardMode)}>
          {keyboardMode ? "Done highlighting with keyboard" : "Highlight with keyboard"} <kbd>{shortcut}</kbd>
        </button>
      ) : (
        <Link className="reading-tools__sign-in" href={signInHref}>
          Sign in to highlight or comment
        </Link>
      )}
      <div className="layer-switch" role="radiogroup" aria-label="Show highlights">
        <span className="layer-switch__label">Highlights</span>
        {LAYERS.map(({ value, label }) => (
          <button key={value} type="button" role="radio" aria-checked={layer === value} className="layer-switch__option" onClick={() => onLayerChange(value)}>
            {label}
          </button>
        ))}
      </div>
      <p className="reading-tools__counts">
        {counts.everyone === 0 ? "No highlights yet" : `${counts.everyone} highlight${counts.everyone === 1 ? "" : "s"} by ${counts.readers} reader${counts.readers === 1 ? "" : "s"}`}
        {signedIn && counts.mine > 0 ? ` · ${counts.mine} yours` : ""}
      </p>
      {signedIn && counts.mine > 0 && (
        <p className="reading-tools__legend">
          <span className="legend-sample legend-sample--public">Solid underline</span> public · <span className="legend-sample legend-sample--private">dashed</span> only you
        </p>
      )}
      {signedIn && (
        // Plain links: the download works before the page's JavaScript has loaded, and without it.
        <details className="reading-tools__export">
          <summary>Export my notes</summary>
          <p>
            Your highlights, notes and comments on this essay:{" "}
            {EXPORTS.map(({ format, label }, n) => (
              <span key={format}>
                {n > 0 && " · "}
                <a href={operationUrl(exportOps.exportMyNotes, undefined, { format, essay: slug })} download>
                  {label}
                </a>
              </span>
            ))}
          </p>
        </details>
      )}
      {keyboardMode && (
        <p className="reading-tools__help" role="note">
          Tab to a paragraph, then press Enter to select it or S to select its next sentence; the highlight toolbar opens. There, Shift+← and Shift+→ move the end of the selection by a word and
          Shift+↑ and Shift+↓ its start; hold Alt as well to move by a sentence. Escape cancels and returns you to the paragraph.
        </p>
      )}
    </div>
  );
}
