"use client";

import { callOperation } from "@/components/api-client";
import * as passageOps from "@/lib/passages/contracts.browser";
import { paceInWords, type PassageControlView } from "@/lib/passages/view";
import { usePassageCall } from "./use-passage-call";
import "./passages.css";

interface Props {
  essay: { id: string; title: string; slug: string; publicHighlightsOpen: boolean };
  controls: PassageControlView[];
}

function what(control: PassageControlView): string {
  return [
    ...(control.locked ? ["Locked"] : []),
    ...(control.slowModeSeconds ? [`${control.automatic ? "Slowed automatically" : "Slowed"} to one comment per ${paceInWords(control.slowModeSeconds)}`] : []),
    ...(control.preModerate ? ["Comments reviewed first"] : []),
    ...(control.highlightsClosed ? ["Closed to new highlights"] : []),
    ...(control.publicHighlightsOff ? ["No public highlights"] : []),
  ].join(" · ");
}

/** One essay's passage controls, each removable, and its editors' switch for public highlights (moderation settings). */
export function EssayPassages({ essay, controls }: Props) {
  const { run, busy, status } = usePassageCall();
  return (
    <section className="settings-card passage-card" aria-label={`Passages of ${essay.title}`}>
      <h3>
        <a href={`/essays/${essay.slug}`}>{essay.title}</a>
      </h3>
      <label className="settings-card__check">
        <input
          type="checkbox"
          checked={essay.publicHighlightsOpen}
          disabled={busy}
          onChange={(event) => {
            const open = event.target.checked;
            void run(
              () => callOperation(passageOps.setEssayPublicHighlights, { params: { essayId: essay.id }, body: { open } }),
              open ? "Public highlights are open." : "Public highlights are off: readers can still highlight privately.",
            );
          }}
        />{" "}
        Public highlights open
      </label>
      {controls.length === 0 ? (
        <p>No passage is locked, slowed or closed. Select words on the essay page to control a passage.</p>
      ) : (
        <ul className="passage-controls-list">
          {controls.map((control) => (
            <li key={control.id}>
              <q>{control.exact.length > 120 ? `${control.exact.slice(0, 120)}…` : control.exact}</q>
              <span>
                {what(control)}
                {control.reason ? `: ${control.reason}` : ""}
              </span>
              <button
                type="button"
                className="link-button"
                disabled={busy}
                aria-label={`Remove the control on “${control.exact.slice(0, 40)}”`}
                onClick={() => void run(() => callOperation(passageOps.removePassageControl, { params: { controlId: control.id } }), "Removed.")}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {status}
    </section>
  );
}
