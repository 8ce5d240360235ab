"use client";

import { HIGHLIGHT_COLOURS, type HighlightColourName } from "@/lib/highlights/colours";

/** Five colour buttons; the current one is pressed. */
export function ColourSwatches({ current, onPick, verb }: { current?: HighlightColourName; onPick: (colour: HighlightColourName) => void; verb: string }) {
  return (
    <div className="swatches" role="group" aria-label="Colour">
      {HIGHLIGHT_COLOURS.map((colour) => (
        <button
          key={colour}
          type="button"
          className={`swatch swatch--${colour}`}
          aria-label={`${verb} ${colour}`}
          aria-pressed={current === undefined ? undefined : current === colour}
          title={`${verb} ${colour}`}
          onClick={() => onPick(colour)}
        />
      ))}
    </div>
  );
}

/** The visibility switch, always showing the current choice so nobody publishes by accident. */
export function VisibilitySwitch({ value, onChange }: { value: "private" | "public"; onChange: (value: "private" | "public") => void }) {
  return (
    <div className="visibility" role="radiogroup" aria-label="Who can see it">
      {(["private", "public"] as const).map((option) => (
        <button key={option} type="button" role="radio" aria-checked={value === option} className="visibility__option" onClick={() => onChange(option)}>
          <span aria-hidden="true">{option === "private" ? "🔒 " : "🌐 "}</span>
          {option === "private" ? "Only me" : "Public"}
        </button>
      ))}
    </div>
  );
}
