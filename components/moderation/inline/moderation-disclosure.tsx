"use client";

import { useId, useRef, useState } from "react";
import type { Outcome } from "./use-moderation-action";
import "../moderation-in-context.css";

interface Props {
  /** Whose item it is, for the toggle's and the panel's names ("the comment by Rhea"). */
  subject: string;
  openReports: number;
  /** Short facts shown beside the toggle (e.g. "hidden from readers"). */
  flags?: string[];
  outcome: Outcome;
  children: React.ReactNode;
}

/**
 * One item's moderation tools, folded behind a "Moderate" button so they
 * do not crowd the reading view; the count of open reports stays in sight.
 * A disclosure (button and region), not a menu: every tool inside is an
 * ordinary button or field in tab order. Escape folds it and returns focus
 * to the button.
 */
export function ModerationDisclosure({ subject, openReports, flags = [], outcome, children }: Props) {
  const [open, setOpen] = useState(false);
  const toggle = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  return (
    <div className="inline-moderation">
      <div className="inline-moderation__bar">
        <button
          ref={toggle}
          type="button"
          className="link-button inline-moderation__toggle"
          aria-expanded={open}
          aria-controls={panelId}
          aria-label={`Moderate ${subject}`}
          onClick={() => setOpen(!open)}
        >
          Moderate
        </button>
        {openReports > 0 && (
          <span className="inline-moderation__reports">
            {openReports} open report{openReports === 1 ? "" : "s"}
          </span>
        )}
        {flags.map((flag) => (
          <span key={flag} className="inline-moderation__flag">
            {flag}
          </span>
        ))}
      </div>
      {open && (
        <div
          id={panelId}
          className="inline-moderation__panel"
          role="group"
          aria-label={`Moderation of ${subject}`}
          onKeyDown={(event) => {
            if (event.key !== "Escape") return;
            event.stopPropagation();
            setOpen(false);
            toggle.current?.focus();
          }}
        >
          {children}
        </div>
      )}
      {outcome && (
        <p className={outcome.tone === "error" ? "form-error" : "form-success"} role={outcome.tone === "error" ? "alert" : "status"}>
          {outcome.text}
        </p>
      )}
    </div>
  );
}
