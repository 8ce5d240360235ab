import { createAnchorer } from "@/lib/anchoring";
import { diffWords, type DiffPart } from "@/lib/essays/diff-words";

/** What a highlight needs for re-anchoring: its selectors and the text of the revision it is placed on now. */
export interface HighlightToReanchor {
  id: string;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  orphaned: boolean;
  /** The canonical text of the revision `start`/`end` refer to. */
  placedOn: string;
}

/** How long planning runs before letting other work on the event loop go first. */
const SLICE_MS = 10;

/** What a new revision does to one highlight. `from`: where it started before the revision. */
export type ReanchorOutcome = { from: number } &
  /** The same words at the same offsets. */
  (
    | { id: string; kind: "stays"; start: number; end: number; confidence: number; before: string }
    /** The same words, elsewhere. */
    | { id: string; kind: "moves"; start: number; end: number; confidence: number; before: string }
    /** Placed on words that differ from the ones it covered before this revision. */
    | { id: string; kind: "changes"; start: number; end: number; confidence: number; before: string; after: string; diff: DiffPart[]; passageDiff: DiffPart[] | null }
    /** Not found with confidence: kept as an orphan, with its original words. `already`: it was an orphan before. */
    | { id: string; kind: "orphaned"; before: string; already: boolean; reason: string }
  );

/** How many highlights each outcome has. */
export type ReanchorCounts = Record<ReanchorOutcome["kind"], number>;

/**
 * Decides, without writing anything, where every highlight goes in a new
 * revision's text. Publishing a revision and its dry run both call this, so
 * the dry run's counts are what publishing does. "Changes" compares the
 * words a highlight covered just before the revision with those it covers
 * after (so a passage changed once is not reported again by every later
 * revision); its `passageDiff` compares the reader's own words (`exact`)
 * with the new ones, for the "passage changed" marker, and is null when they
 * are the same again.
 */
export async function planReanchor(highlights: readonly HighlightToReanchor[], text: string): Promise<ReanchorOutcome[]> {
  const anchorer = createAnchorer(text);
  const plan: ReanchorOutcome[] = [];
  let sliceStarted = performance.now();
  for (const highlight of highlights) {
    plan.push(outcomeOf(anchorer, highlight, text));
    // The server's one thread serves every reader: 5,000 highlights took 0.5 s of it (bench:revisions), so other requests get a turn every few milliseconds.
    if (performance.now() - sliceStarted > SLICE_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStarted = performance.now();
    }
  }
  return plan;
}

function outcomeOf(anchorer: ReturnType<typeof createAnchorer>, highlight: HighlightToReanchor, text: string): ReanchorOutcome {
  const before = highlight.orphaned ? highlight.exact : highlight.placedOn.slice(highlight.start, highlight.end);
  const anchor = anchorer.anchor({
    quote: { type: "TextQuoteSelector", exact: highlight.exact, prefix: highlight.prefix, suffix: highlight.suffix },
    position: { type: "TextPositionSelector", start: highlight.start, end: highlight.end },
  });
  if (anchor.status === "orphaned") return { id: highlight.id, from: highlight.start, kind: "orphaned", before, already: highlight.orphaned, reason: anchor.reason };
  const after = text.slice(anchor.start, anchor.end);
  const placed = { id: highlight.id, from: highlight.start, start: anchor.start, end: anchor.end, confidence: anchor.confidence };
  if (after !== before) return { ...placed, kind: "changes", before, after, diff: diffWords(before, after), passageDiff: after === highlight.exact ? null : diffWords(highlight.exact, after) };
  return { ...placed, before, kind: !highlight.orphaned && anchor.start === highlight.start ? "stays" : "moves" };
}

/** Counts a plan's outcomes. */
export function countOutcomes(plan: readonly ReanchorOutcome[]): ReanchorCounts {
  const counts: ReanchorCounts = { stays: 0, moves: 0, changes: 0, orphaned: 0 };
  for (const outcome of plan) counts[outcome.kind] += 1;
  return counts;
}
