import { diffArrays, diffWordsWithSpace } from "diff";
import type { DraftBlock } from "./document";

/** One run of a word-level diff: words both texts share, or words only the new (added) or old (removed) one has. */
export interface DiffPart {
  op: "same" | "added" | "removed";
  text: string;
}

/** One block of a comparison of two revisions. */
export interface BlockDiff {
  kind: DraftBlock["kind"];
  change: "same" | "added" | "removed" | "changed";
  parts: DiffPart[];
}

/** Past this many words changed in one pair of blocks the diff says "rewritten" (removed, then added) instead of interleaving. */
const MAX_EDIT_LENGTH = 2_000;

/**
 * The word-level diff of two texts, by jsdiff (the library behind most
 * JavaScript diff views): whitespace is kept in the runs so joining the
 * "same" and "removed" runs gives `before` back, and "same" and "added"
 * gives `after`.
 */
export function diffWords(before: string, after: string): DiffPart[] {
  const changes = diffWordsWithSpace(before, after, { maxEditLength: MAX_EDIT_LENGTH });
  if (!changes) return [...(before ? [{ op: "removed" as const, text: before }] : []), ...(after ? [{ op: "added" as const, text: after }] : [])];
  return changes.map((change) => ({ op: change.added ? "added" : change.removed ? "removed" : "same", text: change.value }));
}

/**
 * Compares two revisions' bodies block by block, then word by word inside
 * each pair of blocks that changed. Aligning blocks first keeps a moved or
 * rewritten paragraph from being shredded into a diff against its
 * neighbours, and keeps a whole-essay comparison fast: a word-level diff of
 * two 10,000-word texts is quadratic in the worst case.
 */
export function diffBlocks(before: readonly DraftBlock[], after: readonly DraftBlock[]): BlockDiff[] {
  const keyOf = (block: DraftBlock) => `${block.kind}\u0000${block.text}`;
  const runs = diffArrays(before.map(keyOf), after.map(keyOf));
  const result: BlockDiff[] = [];
  const unkey = (value: string): DraftBlock => {
    const [kind, text] = value.split("\u0000") as [DraftBlock["kind"], string];
    return { kind, text };
  };
  for (let index = 0; index < runs.length; index++) {
    const run = runs[index]!;
    const next = runs[index + 1];
    if (run.removed && next?.added) {
      // A removed run followed by an added one: pair them up, block by block, as edits.
      const removed = run.value.map(unkey);
      const added = next.value.map(unkey);
      const paired = Math.min(removed.length, added.length);
      for (let k = 0; k < paired; k++) result.push({ kind: added[k]!.kind, change: "changed", parts: diffWords(removed[k]!.text, added[k]!.text) });
      for (const block of removed.slice(paired)) result.push({ kind: block.kind, change: "removed", parts: [{ op: "removed", text: block.text }] });
      for (const block of added.slice(paired)) result.push({ kind: block.kind, change: "added", parts: [{ op: "added", text: block.text }] });
      index += 1;
      continue;
    }
    for (const block of run.value.map(unkey)) {
      const change = run.added ? "added" : run.removed ? "removed" : "same";
      result.push({ kind: block.kind, change, parts: [{ op: change === "same" ? "same" : change, text: block.text }] });
    }
  }
  return result;
}
