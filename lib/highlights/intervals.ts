/**
 * Which highlights cover an offset. Highlight ranges receive no pointer
 * events (the CSS Custom Highlight API paints without elements), so the page
 * finds the offset under the pointer and asks this index.
 */

export interface Interval {
  id: string;
  start: number;
  end: number;
}

/** A sorted index answering "which intervals contain this offset?". */
export interface IntervalIndex {
  covering(offset: number): string[];
}

/** Builds an index over `intervals`: O(n log n) once, then a binary search plus the overlaps per query. */
export function indexIntervals(intervals: readonly Interval[]): IntervalIndex {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  // Longest interval length, to bound how far back an overlapping interval can start.
  const longest = sorted.reduce((max, interval) => Math.max(max, interval.end - interval.start), 0);
  return {
    covering(offset) {
      let low = 0;
      let high = sorted.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (sorted[middle]!.start <= offset) low = middle + 1;
        else high = middle;
      }
      const ids: string[] = [];
      for (let index = low - 1; index >= 0; index--) {
        const interval = sorted[index]!;
        if (interval.start < offset - longest) break;
        if (offset >= interval.start && offset < interval.end) ids.push(interval.id);
      }
      return ids;
    },
  };
}
