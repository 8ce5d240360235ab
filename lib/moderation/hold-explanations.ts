/**
 * Why a held comment waits, in words its author can act on. The pipeline's
 * hold reasons (lib/moderation/phases.ts) are written for moderators and
 * stored with the comment; this maps each to what the author is told. A
 * reason with no entry (an older wording, or a phase added since) still gets
 * an honest general sentence, never silence. Client-safe: the comment item
 * shows it.
 */
const EXPLANATIONS: Record<string, string> = {
  "Contains a word moderators review.": "It uses a word the moderators look at before it appears.",
  "Links from new accounts are reviewed first.": "Links from new accounts are reviewed first.",
  // The wording before trust levels, still on comments held then.
  "A link from a new account.": "Links from new accounts are reviewed first.",
  "This essay's comments are reviewed before they appear.": "Every comment on this essay is reviewed before it appears.",
  "A new account's first comments are reviewed before they appear.": "A new account's first comments are reviewed before they appear.",
  "Comments on this passage are reviewed by the moderators before they appear.": "Comments on this passage are reviewed before they appear.",
};

const GENERAL = "Some comments are reviewed by a moderator before they appear.";

/** What the author of a held comment is told about each reason it was held, without repeats. */
export function explainHolds(reasons: readonly string[]): string[] {
  const explained = reasons.map((reason) => EXPLANATIONS[reason] ?? GENERAL);
  return [...new Set(explained.length ? explained : [GENERAL])];
}

/** Whether a hold reason has its own explanation (the unit test checks every reason the phases give has one). */
export function hasExplanation(reason: string): boolean {
  return reason in EXPLANATIONS;
}

const HOUR = 3600;

/**
 * Roughly how long review takes, from the median wait of recently reviewed
 * held comments (null when too few were reviewed lately to say).
 */
export function describeReviewWait(medianSeconds: number | null): string {
  if (medianSeconds === null) return "Review usually takes less than a day.";
  if (medianSeconds < HOUR) return "Review usually takes less than an hour.";
  if (medianSeconds < 24 * HOUR) {
    const hours = Math.round(medianSeconds / HOUR);
    return `Review usually takes about ${hours} hour${hours === 1 ? "" : "s"}.`;
  }
  const days = Math.round(medianSeconds / (24 * HOUR));
  return `Review usually takes about ${days} day${days === 1 ? "" : "s"}.`;
}
