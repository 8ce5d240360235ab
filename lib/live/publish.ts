import "server-only";
import { queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";

/** The PostgreSQL channel every app instance listens on. */
export const DISCUSSION_CHANNEL = "glossa_discussion";

/** What changed in a discussion. */
export type DiscussionEventKind = "comment" | "edit" | "delete" | "vote" | "moderation";

/** A recorded event, to announce once its transaction has committed. */
export interface RecordedEvent {
  essayId: string;
  eventId: number;
}

/**
 * Records a discussion change in the event log, inside the caller's
 * transaction, so the event exists exactly when the change does. Announce it
 * with `announceDiscussionEvent` after the commit.
 */
export async function recordDiscussionEvent(tx: Prisma.TransactionClient, essayId: string, kind: DiscussionEventKind, commentId: number): Promise<RecordedEvent> {
  const event = await tx.discussionEvent.create({ data: { essayId, kind, commentId }, select: { id: true } });
  return { essayId, eventId: event.id };
}

/** Essays with announcements waiting for the next flush, each with its newest event id. */
const pending = new Map<string, number>();
let nextFlush: Promise<void> | null = null;

async function flush(): Promise<void> {
  const payloads = [...pending].map(([essayId, eventId]) => JSON.stringify({ essayId, eventId } satisfies RecordedEvent));
  pending.clear();
  nextFlush = null;
  // One statement is its own transaction: set_config(..., true) applies to it alone.
  await queryRows(Prisma.sql`SELECT set_config('synchronous_commit', 'off', true), pg_notify(${DISCUSSION_CHANNEL}, payload) FROM unnest(${payloads}::text[]) AS payload`);
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
 * announcement itself holds no data; if it were lost in a crash, clients
 * still catch up from the log by id.
 *
 * Announcements made in the same turn of the event loop go out together, one
 * notification per essay, in one statement: under a burst of writes that is
 * a fraction of the round trips, and a listener reads the log once for them
 * all. Resolves once the notifications are sent.
 */
export function announceDiscussionEvent(event: RecordedEvent | null): Promise<void> {
  if (!event) return Promise.resolve();
  pending.set(event.essayId, Math.max(pending.get(event.essayId) ?? 0, event.eventId));
  nextFlush ??= new Promise<void>((resolve) => setImmediate(resolve)).then(flush);
  return nextFlush;
}
