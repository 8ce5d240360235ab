"use client";

import Link from "next/link";
import type { HighlightLayerChoice } from "./scene";

interface Props {
  layer: HighlightLayerChoice;
  onLayerChange: (layer: HighlightLayerChoice) => void;
  counts: { mine: number; everyone: number; readers: number };
  signedIn: boolean;
  signInHref: string;
  keyboardMode: boolean;
  onKeyboardModeChange: (on: boolean) => void;
}

const LAYERS: { value: HighlightLayerChoice; label: string }[] = [
  { value: "mine", label: "Mine" },
  { value: "everyone", label: "Everyone" },
  { value: "none", label: "None" },
];

/** The bar above the essay: which highlights to show, and the keyboard way to highlight. */
export function ReadingTools({ layer, onLayerChange, counts, signedIn, signInHref, keyboardMode, onKeyboardModeChange }: Props) {
  return (
    <div className="reading-tools">
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
      {signedIn ? (
        <button type="button" className="link-button reading-tools__keyboard" aria-pressed={keyboardMode} onClick={() => onKeyboardModeChange(!keyboardMode)}>
          {keyboardMode ? "Done highlighting by keyboard" : "Highlight by keyboard"}
        </button>
      ) : (
        <Link className="reading-tools__sign-in" href={signInHref}>
          Sign in to highlight or comment
        </Link>
      )}
      {keyboardMode && (
        <p className="reading-tools__help" role="note">
          Tab to a paragraph, then press Enter to select it or S to select the sentence you are in; the highlight toolbar opens. Shift+arrow keys adjust a selection; Escape closes.
        </p>
      )}
    </div>
  );
}
