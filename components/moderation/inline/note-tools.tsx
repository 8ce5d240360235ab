"use client";

import { useState } from "react";
import type { HighlightView } from "@/lib/highlights/view";
import type { EssayModeration } from "@/lib/moderation/load-essay-moderation";
import { AuthorCard } from "./author-card";
import { reviseEssayModeration } from "./essay-moderation-store";
import { HideForm } from "./hide-form";
import { ModerationDisclosure } from "./moderation-disclosure";
import { useModerationAction } from "./use-moderation-action";

/** Records in the page's extras what a note action did: its reports settled, hidden (with the reason) or shown. */
function noteChanged(id: string, hidden: string | null | undefined, settled: boolean) {
  reviseEssayModeration((value) => {
    const hiddenNotes = { ...value.hiddenNotes };
    if (hidden === undefined) delete hiddenNotes[id];
    else hiddenNotes[id] = hidden;
    return { ...value, hiddenNotes, openReports: settled ? { ...value.openReports, notes: { ...value.openReports.notes, [id]: 0 } } : value.openReports };
  });
}

/** A moderator's tools on one public highlight's note: hide with a reason, restore, dismiss reports, and the author's card. */
export function NoteTools({ highlight, extras }: { highlight: HighlightView; extras: EssayModeration }) {
  const { busy, outcome, run } = useModerationAction();
  const [hiding, setHiding] = useState(false);
  const [card, setCard] = useState(false);
  const id = highlight.id;
  const reports = extras.openReports.notes[id] ?? 0;
  const hidden = id in extras.hiddenNotes;
  const who = highlight.author.name;
  const target = { highlightIds: [id] };
  return (
    <ModerationDisclosure subject={`the note by ${who}`} openReports={reports} outcome={outcome} flags={hidden ? [`note hidden${extras.hiddenNotes[id] ? `: ${extras.hiddenNotes[id]}` : ""}`] : []}>
      <div className="inline-moderation__buttons">
        {hidden ? (
          <button type="button" className="button button--small" disabled={busy} onClick={() => run({ action: "restore-note", ...target }, "Note restored.", () => noteChanged(id, undefined, false))}>
            Restore note
          </button>
        ) : (
          <>
            {reports > 0 && (
              <button
                type="button"
                className="button button--small"
                disabled={busy}
                onClick={() => run({ action: "dismiss-note-reports", ...target }, "Reports dismissed.", () => noteChanged(id, undefined, true))}
              >
                Dismiss reports
              </button>
            )}
            <button type="button" className="button button--small" aria-expanded={hiding} disabled={busy} onClick={() => setHiding(!hiding)}>
              Hide note…
            </button>
          </>
        )}
        <button type="button" className="button button--small" aria-expanded={card} onClick={() => setCard(!card)}>
          Author&apos;s card
        </button>
      </div>
      {hiding && !hidden && (
        <HideForm
          what={`the note by ${who}`}
          reasons={extras.hideReasons}
          busy={busy}
          onCancel={() => setHiding(false)}
          onHide={async (reason) => {
            if (await run({ action: "hide-note", ...target, reason }, "Note hidden.", () => noteChanged(id, reason, true))) setHiding(false);
          }}
        />
      )}
      {card && <AuthorCard handle={highlight.author.handle} />}
    </ModerationDisclosure>
  );
}
