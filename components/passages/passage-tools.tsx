"use client";

import { useId, useState } from "react";
import { callOperation } from "@/components/api-client";
import * as passageOps from "@/lib/passages/contracts.browser";
import { combineControls, commentNotices, controlsOn, highlightNotices, paceInWords, type PassageControlView } from "@/lib/passages/view";
import { PassageNotices } from "./passage-notices";
import { usePassageCall } from "./use-passage-call";
import "./passages.css";

/** What the essay page knows of its passages' controls, and what the viewer may do about them. */
export interface PassageState {
  controls: PassageControlView[];
  publicHighlightsOpen: boolean;
  /** Moderators control passages; editors turn public highlights off; readers only read why. */
  staff: "moderator" | "editor" | null;
}

interface Props {
  essayId: string;
  revisionId: string;
  passage: { start: number; end: number; exact: string };
  state: PassageState;
  /** Where the reader is: a selection (highlighting and commenting) or a passage's discussion (commenting). */
  where: "selection" | "discussion";
}

const SLOW_CHOICES = [0, 30, 60, 120, 300, 600, 1800, 3600];

/** What one control does, in a few words, for the staff's list. */
function describeControl(control: PassageControlView): string {
  const parts = [
    ...(control.locked ? ["locked"] : []),
    ...(control.slowModeSeconds ? [`one comment per ${paceInWords(control.slowModeSeconds)}${control.automatic ? " (automatic)" : ""}`] : []),
    ...(control.preModerate ? ["comments reviewed first"] : []),
    ...(control.highlightsClosed ? ["closed to new highlights"] : []),
    ...(control.publicHighlightsOff ? ["no public highlights"] : []),
  ];
  return parts.join(", ");
}

/**
 * A passage's notices where a reader would write ("Comments on this passage
 * are slowed to one per 10 minutes"), and, for staff, the controls on it and
 * a form to add one: moderators lock, slow, pre-moderate or close it to new
 * highlights; editors (and moderators) turn public highlights off on it.
 */
export function PassageTools({ essayId, revisionId, passage, state, where }: Props) {
  const on = controlsOn(state.controls, passage);
  const rules = combineControls(on);
  const notices = [...commentNotices(rules), ...(where === "selection" ? highlightNotices(rules, state.publicHighlightsOpen) : [])];
  const [open, setOpen] = useState(false);
  const formId = useId();
  const { run, busy, status } = usePassageCall();
  const canRemove = (control: PassageControlView) => state.staff === "moderator" || (!control.locked && !control.slowModeSeconds && !control.preModerate && !control.highlightsClosed);
  return (
    <div data-selection-ui>
      <PassageNotices notices={notices} />
      {state.staff && (
        <div className="passage-tools">
          <button type="button" className="toolbar-button" aria-expanded={open} aria-controls={formId} onClick={() => setOpen((value) => !value)}>
            {state.staff === "moderator" ? "Moderate passage" : "Public highlights here"}
          </button>
          {open && (
            <div id={formId}>
              {on.length > 0 && (
                <ul className="passage-tools__active" aria-label="Controls on this passage">
                  {on.map((control) => (
                    <li key={control.id}>
                      <span>
                        “{control.exact.length > 60 ? `${control.exact.slice(0, 60)}…` : control.exact}”: {describeControl(control)}
                      </span>
                      {canRemove(control) && (
                        <button
                          type="button"
                          className="link-button"
                          disabled={busy}
                          onClick={() => void run(() => callOperation(passageOps.removePassageControl, { params: { controlId: control.id } }), "Removed.")}
                        >
                          Remove
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {state.staff === "moderator" ? <ModeratorForm essayId={essayId} revisionId={revisionId} passage={passage} run={run} busy={busy} onDone={() => setOpen(false)} /> : null}
              <button
                type="button"
                className="toolbar-button"
                disabled={busy}
                onClick={() => void run(() => callOperation(passageOps.closePublicHighlights, { params: { essayId }, body: { revisionId, ...passage } }), "Public highlights are off on this passage.")}
              >
                Turn public highlights off here
              </button>
            </div>
          )}
          {status}
        </div>
      )}
    </div>
  );
}

function ModeratorForm({
  essayId,
  revisionId,
  passage,
  run,
  busy,
  onDone,
}: {
  essayId: string;
  revisionId: string;
  passage: Props["passage"];
  run: ReturnType<typeof usePassageCall>["run"];
  busy: boolean;
  onDone: () => void;
}) {
  const [locked, setLocked] = useState(false);
  const [slowModeSeconds, setSlow] = useState(0);
  const [preModerate, setPreModerate] = useState(false);
  const [highlightsClosed, setClosed] = useState(false);
  const [reason, setReason] = useState("");
  const id = useId();
  return (
    <form
      className="passage-tools__form"
      aria-label="Moderate this passage"
      onSubmit={(event) => {
        event.preventDefault();
        void run(
          () => callOperation(passageOps.controlPassage, { params: { essayId }, body: { revisionId, ...passage, locked, slowModeSeconds, preModerate, highlightsClosed, reason } }),
          "Saved: every thread on this passage follows it.",
        ).then((saved) => saved && onDone());
      }}
    >
      <fieldset>
        <legend>Every thread on this passage, now and later</legend>
        <label>
          <input type="checkbox" checked={locked} onChange={(event) => setLocked(event.target.checked)} /> Lock: no new comments
        </label>
        <label htmlFor={`${id}-slow`}>Slow mode</label>
        <select id={`${id}-slow`} value={slowModeSeconds} onChange={(event) => setSlow(Number(event.target.value))}>
          {SLOW_CHOICES.map((seconds) => (
            <option key={seconds} value={seconds}>
              {seconds === 0 ? "Off" : `One comment per ${paceInWords(seconds)}`}
            </option>
          ))}
        </select>
        <label>
          <input type="checkbox" checked={preModerate} onChange={(event) => setPreModerate(event.target.checked)} /> Review comments before they appear
        </label>
        <label>
          <input type="checkbox" checked={highlightsClosed} onChange={(event) => setClosed(event.target.checked)} /> Close to new highlights
        </label>
      </fieldset>
      <label htmlFor={`${id}-reason`}>Reason, shown to readers</label>
      <input id={`${id}-reason`} type="text" maxLength={500} value={reason} onChange={(event) => setReason(event.target.value)} />
      <button type="submit" className="toolbar-button toolbar-button--primary" disabled={busy}>
        Apply to passage
      </button>
    </form>
  );
}
