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
          <VisibilityIcon visibility={option} />
          {option === "private" ? "Only me" : "Public"}
        </button>
      ))}
    </div>
  );
}

/** A padlock (private) or a globe (public), drawn so no emoji font is needed; hidden from screen readers, whose text says the same. */
export function VisibilityIcon({ visibility }: { visibility: "private" | "public" }) {
  return (
    <svg className="visibility-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
      {visibility === "private" ? (
        <path fill="currentColor" d="M4.5 7V5a3.5 3.5 0 0 1 7 0v2h.5a1 1 0 0 1 1 1v6a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h.5Zm1.5 0h4V5a2 2 0 0 0-4 0v2Z" />
      ) : (
        <g fill="none" stroke="currentColor" strokeWidth="1.4">
          <circle cx="8" cy="8" r="6.2" />
          <ellipse cx="8" cy="8" rx="2.6" ry="6.2" />
          <path d="M1.8 8h12.4" />
        </g>
      )}
    </svg>
  );
}
