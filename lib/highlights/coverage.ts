/**
 * How many distinct readers cover each stretch of the essay, from a list of
 * highlight intervals. Used to shade overlapping public highlights by density
 * and to find "top highlights" (passages at least three readers marked, as
 * Medium does).
 */

export interface CoverageInput {
  start: number;
  end: number;
  authorHandle: string;
}

/** A maximal stretch [start, end) covered by the same set of readers. */
export interface CoverageSegment {
  start: number;
  end: number;
  readers: number;
}

/** Readers needed before a passage is marked as a top highlight. */
export const TOP_HIGHLIGHT_READERS = 3;

/**
 * Splits the covered parts of the text into segments with the number of
 * distinct readers covering each. A reader's overlapping highlights count once.
 * O(n log n) in the number of highlights.
 */
export function coverageSegments(highlights: readonly CoverageInput[]): CoverageSegment[] {
  const events: { at: number; author: string; delta: 1 | -1 }[] = [];
  for (const { start, end, authorHandle } of highlights) {
    if (end <= start) continue;
    events.push({ at: start, author: authorHandle, delta: 1 }, { at: end, author: authorHandle, delta: -1 });
  }
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);

  const perAuthor = new Map<string, number>();
  const segments: CoverageSegment[] = [];
  let readers = 0;
  let segmentStart = 0;
  for (let index = 0; index < events.length;) {
    const at = events[index]!.at;
    if (readers > 0 && at > segmentStart) pushSegment(segments, segmentStart, at, readers);
    for (; index < events.length && events[index]!.at === at; index++) {
      const { author, delta } = events[index]!;
      const before = perAuthor.get(author) ?? 0;
      const after = before + delta;
      perAuthor.set(author, after);
      if (before === 0 && after > 0) readers++;
      if (before > 0 && after === 0) readers--;
    }
    segmentStart = at;
  }
  return segments;
}

function pushSegment(segments: CoverageSegment[], start: number, end: number, readers: number): void {
  const last = segments[segments.length - 1];
  if (last && last.end === start && last.readers === readers) last.end = end;
  else segments.push({ start, end, readers });
}

/**
 * Passages highlighted by at least `minimum` distinct readers, each with the
 * largest number of readers found inside it.
 */
export function topPassages(highlights: readonly CoverageInput[], minimum = TOP_HIGHLIGHT_READERS): CoverageSegment[] {
  const passages: CoverageSegment[] = [];
  for (const segment of coverageSegments(highlights)) {
    if (segment.readers < minimum) continue;
    const last = passages[passages.length - 1];
    if (last && last.end === segment.start) {
      last.end = segment.end;
      last.readers = Math.max(last.readers, segment.readers);
    } else {
      passages.push({ ...segment });
    }
  }
  return passages;
}
