"use client";

import "./moderation-in-context.css";

/** Canned reasons, grouped (hiding, sanctions), as the settings page keeps them. */
export type ReasonGroups = { label: string; reasons: string[] }[];

/**
 * The site's canned reasons one choice away from a reason field: picking one
 * puts it in the field, where it can still be edited (free text stays
 * allowed). Nothing is drawn when no group has a reason.
 */
export function CannedReasonPicker({ groups, label, onPick, disabled }: { groups: ReasonGroups; label: string; onPick(reason: string): void; disabled?: boolean }) {
  const shown = groups.filter((group) => group.reasons.length > 0);
  if (shown.length === 0) return null;
  const options = (reasons: string[]) =>
    reasons.map((reason) => (
      <option key={reason} value={reason}>
        {reason}
      </option>
    ));
  return (
    <select className="canned-reasons" aria-label={label} value="" disabled={disabled} onChange={(event) => event.target.value && onPick(event.target.value)}>
      <option value="">Saved reasons…</option>
      {shown.length === 1
        ? options(shown[0]!.reasons)
        : shown.map((group) => (
            <optgroup key={group.label} label={group.label}>
              {options(group.reasons)}
            </optgroup>
          ))}
    </select>
  );
}
