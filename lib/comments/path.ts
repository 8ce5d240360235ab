/**
 * Materialised paths for comment threads. Each comment's path is its
 * ancestors' ids and its own, root first, as fixed-width base-36 segments
 * joined by ".", so sorting a thread by path lists it depth-first with
 * siblings in the order they were written, and a subtree is a path prefix.
 */

const SEGMENT_WIDTH = 8;

/** One id as a path segment. */
export function pathSegment(id: number): string {
  return id.toString(36).padStart(SEGMENT_WIDTH, "0");
}

/** The path of a new comment with `id` under a parent with `parentPath` (null for a thread's root). */
export function childPath(parentPath: string | null, id: number): string {
  return parentPath ? `${parentPath}.${pathSegment(id)}` : pathSegment(id);
}

/** The ids along a path, root first. */
export function idsOfPath(path: string): number[] {
  return path.split(".").map((segment) => parseInt(segment, 36));
}
