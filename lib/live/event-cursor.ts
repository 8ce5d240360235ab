/**
 * Where a live stream is in an essay's event log.
 *
 * Event ids come from one sequence shared by every essay, and a write takes
 * its id when its transaction inserts the event, not when it commits: under
 * concurrent writes, event 41 can become visible after event 42 was read and
 * sent. Reading "everything after the last id sent" would skip 41 for good
 * (44 of 10,000 events under the thread benchmark's write load). So a cursor
 * remembers the ids it stepped over ("gaps") and asks for them again on every
 * read until they turn up (for this essay, to send; for another, to forget)
 * or `GAP_WAIT_MS` has passed: a rolled-back write leaves its gap forever.
 */

/** How long a skipped id is asked for: far longer than any comment's transaction. */
export const GAP_WAIT_MS = 10_000;

/** At most this many ids below an event are remembered as gaps (a stream starting far behind the log has no use for older ones). */
export const MAX_GAP_SPAN = 1_000;

/** A stream's position: the highest id read, and the skipped ids below it with when each was first skipped. */
export interface EventCursor {
  after: number;
  gaps: Map<number, number>;
}

/** What the cursor needs of a logged event. */
export interface CursorEvent {
  id: number;
  essayId: string;
}

/** A cursor that has read everything up to `after`. */
export function startCursor(after: number): EventCursor {
  return { after, gaps: new Map() };
}

/** The skipped ids still worth asking for at `now`; forgets those waited on for longer than `GAP_WAIT_MS`. */
export function awaitedGaps(cursor: EventCursor, now: number): number[] {
  for (const [id, since] of cursor.gaps) if (now - since > GAP_WAIT_MS) cursor.gaps.delete(id);
  return [...cursor.gaps.keys()];
}

/**
 * Moves the cursor over `events`, read in ascending id order (this essay's
 * events after `cursor.after`, and any awaited gaps that have committed
 * since, from any essay), and returns the events of `essayId` not sent yet.
 */
export function advance<Event extends CursorEvent>(cursor: EventCursor, essayId: string, events: readonly Event[], now: number): Event[] {
  const fresh: Event[] = [];
  for (const event of events) {
    if (cursor.gaps.delete(event.id)) {
      if (event.essayId === essayId) fresh.push(event);
      continue;
    }
    if (event.id <= cursor.after || event.essayId !== essayId) continue;
    for (let id = Math.max(cursor.after + 1, event.id - MAX_GAP_SPAN); id < event.id; id++) cursor.gaps.set(id, now);
    cursor.after = event.id;
    fresh.push(event);
  }
  return fresh;
}
