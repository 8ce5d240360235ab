import { describe, type Selectors } from "@/lib/anchoring";

/** A deterministic pseudo-random generator (mulberry32), so every run measures the same workload. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` highlights of 10–300 characters starting at word boundaries, described on `text`. */
export function makeHighlights(text: string, count: number, random: () => number): Selectors[] {
  const list: Selectors[] = [];
  while (list.length < count) {
    let start = Math.floor(random() * (text.length - 320));
    while (start > 0 && text[start - 1] !== " ") start -= 1;
    const length = 10 + Math.floor(random() * 290);
    const end = Math.min(text.length, start + length);
    if (text.slice(start, end).trim().length < 8) continue;
    list.push(describe(text, start, end));
  }
  return list;
}

/**
 * A revision of `text` in which a fifth of the highlighted passages are
 * edited (a word inserted inside them) and a paragraph is added at the top,
 * so no stored position is valid any more. Highlights overlap, so one edit
 * can touch several passages: edits are added until 20% of the highlights
 * contain one, and no further. Returns the text and how many were touched.
 */
export function reviseText(text: string, highlights: readonly Selectors[], random: () => number): { revised: string; edited: number } {
  const limit = Math.floor(highlights.length * 0.2);
  const touched = new Set<number>();
  const edits: number[] = [];
  for (let attempt = 0; attempt < highlights.length * 4 && touched.size < limit; attempt++) {
    const { start, end } = highlights[Math.floor(random() * highlights.length)]!.position;
    const space = text.indexOf(" ", start + Math.floor((end - start) / 2));
    if (space === -1 || space + 1 >= end) continue;
    const at = space + 1;
    const hits = highlights.flatMap((other, index) => (other.position.start < at && other.position.end > at && !touched.has(index) ? [index] : []));
    if (hits.length === 0 || touched.size + hits.length > limit) continue;
    for (const index of hits) touched.add(index);
    edits.push(at);
  }
  let revised = text;
  for (const at of edits.sort((a, b) => b - a)) revised = `${revised.slice(0, at)}reworded ${revised.slice(at)}`;
  return { revised: `An editor's note now opens the essay, moving every offset that follows it.\n\n${revised}`, edited: touched.size };
}
