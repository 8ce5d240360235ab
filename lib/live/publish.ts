import "server-only";
import { queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { DISCUSSION_CHANNEL, NOTIFICATION_CHANNEL } from "./channel";
import { nudgeListener, signalLocally, signalReaderLocally } from "./listener";

export { DISCUSSION_CHANNEL } from "./channel";

/** What changed in a discussion. */
export type DiscussionEventKind = "comment" | "edit" | "delete" | "vote" | "moderation";

/** A recorded event, to announce once its transaction has committed. */
export interface RecordedEvent {
  essayId: string;
  eventId: number;
}

/** A comment's visibility as the event log cares about it. */
type CommentStatus = "PUBLISHED" | "HELD" | "HIDDEN";

/**
 * Whether a change to a comment may go on the event log, which every stream
 * (anonymous ones included) reads. Events carry a comment's id and what
 * kind of change it was, so an event about a comment nobody else can see
 * tells everyone that it exists and when its author touched it. The rule,
 * the same for every kind (comment, edit, delete, vote, moderation): an
 * event is public when the comment was public before the change or is
 * after it. So a new held comment, an edit or deletion of a held one, and a
 * moderator hiding a held one record nothing (only its author and the
 * moderators could see it, and they see it on their next read), while a
 * published comment edited into the hold queue, or hidden, does record: its
 * readers must see it go. Votes only ever touch published comments.
 */
export function isPublicChange(before: CommentStatus, after: CommentStatus): boolean {
  return before === "PUBLISHED" || after === "PUBLISHED";
}

/**
 * Records a discussion change in the event log, inside the caller's
 * transaction, so the event exists exactly when the change does. Announce it
 * with `announceDiscussionEvent` after the commit. Record only public
 * changes (`isPublicChange`).
 */
export async function recordDiscussionEvent(tx: Prisma.TransactionClient, essayId: string, kind: DiscussionEventKind, commentId: number): Promise<RecordedEvent> {
  const event = await tx.discussionEvent.create({ data: { essayId, kind, commentId }, select: { id: true } });
  return { essayId, eventId: event.id };
}

/**
 * Records that a highlight changed, inside the caller's transaction, when
 * the change is public: the highlight was public before it or is after it
 * (made public, recoloured, removed, restored, or made private: its readers
 * must see it go). A private highlight's change records nothing at all, not
 * even its id, because every stream (anonymous ones included) reads the log.
 * Announce it with `announceDiscussionEvent` after the commit.
 */
export async function recordHighlightEvent(tx: Prisma.TransactionClient, essayId: string, highlightId: string, wasPublic: boolean, isPublic: boolean): Promise<RecordedEvent | null> {
  if (!wasPublic && !isPublic) return null;
  const event = await tx.discussionEvent.create({ data: { essayId, kind: "highlight", highlightId }, select: { id: true } });
  return { essayId, eventId: event.id };
}

/** A caller waits at most this long for its announcement: the change is committed, and a stalled database must not hold the answer. */
export const ANNOUNCE_WAIT_MS = 1_000;
/** An announcement that could not be sent is tried again this many times, this far apart, then left to the log. */
const RETRIES = 3;
const RETRY_MS = 2_000;
/** Announcement failures are logged at most this often: under an outage every write would log one. */
const LOG_EVERY_MS = 10_000;

/** Essays with announcements waiting for the next flush, each with its newest event id. */
const pending = new Map<string, number>();
/** Readers whose bells are to be told at the next flush (announceBellChanges). */
const pendingReaders = new Set<string>();
let nextFlush: Promise<void> | null = null;
let retryTimer: NodeJS.Timeout | null = null;
let retriesLeft = RETRIES;
let lastLogged = 0;
let unlogged = 0;

function logFailure(error: unknown): void {
  unlogged += 1;
  const now = Date.now();
  if (now - lastLogged < LOG_EVERY_MS) return;
  lastLogged = now;
  const message = error instanceof Error ? error.message : String(error);
  console.warn(`Live announcements failed (${unlogged} since the last report): ${message}. The changes are committed; streams catch up from the event log.`);
  unlogged = 0;
}

function queue(essayId: string, eventId: number): void {
  pending.set(essayId, Math.max(pending.get(essayId) ?? 0, eventId));
}

function scheduleRetry(): void {
  if (retryTimer || retriesLeft <= 0) {
    if (retriesLeft <= 0 && !nextFlush) {
      pending.clear();
      pendingReaders.clear();
    }
    return;
  }
  retriesLeft -= 1;
  retryTimer = setTimeout(() => {
    retryTimer = null;
    // Through a microtask, so flush() clears `nextFlush` after it is set, as in announceDiscussionEvent.
    nextFlush ??= Promise.resolve().then(flush);
  }, RETRY_MS);
  retryTimer.unref();
}

async function flush(): Promise<void> {
  const batch = [...pending];
  const readers = [...pendingReaders];
  pending.clear();
  pendingReaders.clear();
  nextFlush = null;
  if (batch.length === 0 && readers.length === 0) return;
  const channels = [...batch.map(() => DISCUSSION_CHANNEL), ...readers.map(() => NOTIFICATION_CHANNEL)];
  const payloads = [...batch.map(([essayId, eventId]) => JSON.stringify({ essayId, eventId } satisfies RecordedEvent)), ...readers];
  try {
    // One statement is its own transaction: set_config(..., true) applies to it alone.
    await queryRows(Prisma.sql`SELECT set_config('synchronous_commit', 'off', true), pg_notify(channel, payload) FROM unnest(${channels}::text[], ${payloads}::text[]) AS announced(channel, payload)`);
    retriesLeft = RETRIES;
    // The database answers: a listener waiting out a backoff reconnects now.
    nudgeListener();
  } catch (error) {
    // The change is committed whatever happens here. This instance's own
    // streams are told directly; other instances hear of it from the retry,
    // from their listener's resync when the database is back, or from the
    // next announcement for the essay (streams read the log by id).
    logFailure(error);
    for (const [essayId, eventId] of batch) {
      signalLocally({ essayId, eventId });
      queue(essayId, eventId);
    }
    for (const userId of readers) {
      signalReaderLocally(userId);
      pendingReaders.add(userId);
    }
    scheduleRetry();
  }
}

/**
 * Tells every app instance (LISTEN/NOTIFY) that an essay has new events. The
 * payload carries ids only, far below NOTIFY's 8,000-byte limit; listeners
 * read the log and fetch what each reader may see.
 *
 * It runs after the change commits, in its own transaction with
 * asynchronous commit: NOTIFY holds a cluster-wide lock until its
 * transaction's commit is flushed, so inside the write's transaction it
 * serialised every comment behind a disk flush (130 comments/s). The
 * announcement itself holds no data; if it is lost, clients still catch up
 * from the log by id.
 *
 * Announcements made in the same turn of the event loop go out together, one
 * notification per essay, in one statement: under a burst of writes that is
 * a fraction of the round trips, and a listener reads the log once for them
 * all.
 *
 * Never rejects: the change it announces is committed, so the write has
 * succeeded whatever happens to its announcement (a failed NOTIFY used to
 * turn 7 committed comments into 500s during a database outage). Resolves
 * once the notifications are sent, or failed (logged, retried), or after
 * `ANNOUNCE_WAIT_MS`.
 */
export function announceDiscussionEvent(event: RecordedEvent | null): Promise<void> {
  if (!event) return Promise.resolve();
  queue(event.essayId, event.eventId);
  return flushSoon();
}

/**
 * Tells every app instance that these readers have new notifications, so
 * their bells (lib/notifications/bell-stream.ts) read their counts again:
 * after the commit, in the same batched statement as the discussion's
 * announcements, for the reason above: a trigger on Notification did this
 * inside every reply's own statement. (bench:threads showed no change in
 * throughput from moving it, 180 → 182 comments/s in one run each.) Never
 * rejects, like announceDiscussionEvent.
 */
export function announceBellChanges(userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return Promise.resolve();
  for (const userId of userIds) pendingReaders.add(userId);
  return flushSoon();
}

function flushSoon(): Promise<void> {
  nextFlush ??= new Promise<void>((resolve) => setImmediate(resolve)).then(flush);
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ANNOUNCE_WAIT_MS);
    timer.unref();
  });
  return Promise.race([nextFlush.catch(() => undefined), waited]).finally(() => clearTimeout(timer));
}
