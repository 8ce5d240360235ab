/** A control on one passage of an essay's current revision, as the essay page and the settings list show it. */
export interface PassageControlView {
  id: string;
  start: number;
  end: number;
  exact: string;
  locked: boolean;
  slowModeSeconds: number;
  preModerate: boolean;
  highlightsClosed: boolean;
  publicHighlightsOff: boolean;
  reason: string | null;
  /** Set by the automatic slow mode (lib/moderation/heat.ts), not by a person. */
  automatic: boolean;
}

/** A range of an essay's current revision's canonical text, [start, end). */
export interface TextRange {
  start: number;
  end: number;
}

/** What the controls covering a passage amount to together: the strictest of each. */
export interface PassageRules {
  locked: boolean;
  lockReason: string | null;
  slowModeSeconds: number;
  /** The slowest slow mode is the automatic one. */
  slowedAutomatically: boolean;
  preModerate: boolean;
  highlightsClosed: boolean;
  publicHighlightsOff: boolean;
}

/** Whether two ranges share at least one character: [start, end) half-open, so ranges that only touch do not overlap. */
export function overlaps(a: TextRange, b: TextRange): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The controls that apply to a passage: those whose range overlaps it. */
export function controlsOn<T extends TextRange>(controls: readonly T[], passage: TextRange): T[] {
  return controls.filter((control) => overlaps(control, passage));
}

/** Several controls on one passage combined: any lock or pre-moderation applies, and the slowest slow mode. */
export function combineControls(controls: readonly Omit<PassageControlView, "id" | "start" | "end" | "exact">[]): PassageRules {
  const slowest = controls.reduce<(typeof controls)[number] | null>((best, control) => (control.slowModeSeconds > (best?.slowModeSeconds ?? 0) ? control : best), null);
  return {
    locked: controls.some((control) => control.locked),
    lockReason: controls.find((control) => control.locked && control.reason)?.reason ?? null,
    slowModeSeconds: slowest?.slowModeSeconds ?? 0,
    slowedAutomatically: slowest?.automatic ?? false,
    preModerate: controls.some((control) => control.preModerate),
    highlightsClosed: controls.some((control) => control.highlightsClosed),
    publicHighlightsOff: controls.some((control) => control.publicHighlightsOff),
  };
}

/** "10 minutes", "1 minute", "45 seconds": a slow mode's pace in words. */
export function paceInWords(seconds: number): string {
  if (seconds % 60 === 0) return seconds === 60 ? "minute" : `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}

/** What a locked passage's refusal says. */
export function lockedMessage(reason: string | null): string {
  return reason ? `This passage is locked by the moderators: ${reason}` : "This passage is locked by the moderators: no new comments.";
}

/** What a slowed passage tells its readers. */
export function slowMessage(seconds: number, automatic: boolean): string {
  return automatic
    ? `Slowed automatically: this discussion is very active. Comments on this passage are slowed to one per ${paceInWords(seconds)}.`
    : `Comments on this passage are slowed to one per ${paceInWords(seconds)}.`;
}

export const PRE_MODERATED_MESSAGE = "Comments on this passage are reviewed by the moderators before they appear.";
export const HIGHLIGHTS_CLOSED_MESSAGE = "New highlights are closed on this passage.";
export const PUBLIC_HIGHLIGHTS_OFF_MESSAGE = "The editors have turned public highlights off for this passage: you can still highlight it privately.";
export const ESSAY_PUBLIC_HIGHLIGHTS_OFF_MESSAGE = "The editors have turned public highlights off for this essay: you can still highlight privately.";

/** What a reader is told where they would comment on or highlight a passage, one sentence per rule in force. */
export function commentNotices(rules: PassageRules): string[] {
  return [
    ...(rules.locked ? [lockedMessage(rules.lockReason)] : []),
    ...(!rules.locked && rules.slowModeSeconds > 0 ? [slowMessage(rules.slowModeSeconds, rules.slowedAutomatically)] : []),
    ...(!rules.locked && rules.preModerate ? [PRE_MODERATED_MESSAGE] : []),
  ];
}

/** What a reader is told where they would highlight a passage. */
export function highlightNotices(rules: PassageRules, essayPublicHighlightsOpen: boolean): string[] {
  return [
    ...(rules.highlightsClosed ? [HIGHLIGHTS_CLOSED_MESSAGE] : []),
    ...(!rules.highlightsClosed && !essayPublicHighlightsOpen ? [ESSAY_PUBLIC_HIGHLIGHTS_OFF_MESSAGE] : []),
    ...(!rules.highlightsClosed && essayPublicHighlightsOpen && rules.publicHighlightsOff ? [PUBLIC_HIGHLIGHTS_OFF_MESSAGE] : []),
  ];
}
