import "server-only";
import { db } from "@/lib/db/client";
import { queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";

/** Events read at most at once; a stream further behind reads again until it has caught up. */
export const READ_BATCH = 500;

/** An event as the stream sends it: ids only, the client fetches what it may see. */
export interface StreamEvent {
  id: number;
  kind: string;
  commentId: number | null;
  /** Set on "highlight" events: a public highlight was made, changed or removed. */
  highlightId: string | null;
}

/**
 * The events of an essay after `afterId`, and the events with the ids in
 * `awaited` whatever their essay (see event-cursor.ts), oldest first, at most
 * `READ_BATCH`.
 */
export async function eventsAfter(essayId: string, afterId: number, awaited: readonly number[] = []): Promise<(StreamEvent & { essayId: string })[]> {
  return db.discussionEvent.findMany({
    where: awaited.length ? { OR: [{ essayId, id: { gt: afterId } }, { id: { in: [...awaited] } }] } : { essayId, id: { gt: afterId } },
    orderBy: { id: "asc" },
    take: READ_BATCH,
    select: { id: true, essayId: true, kind: true, commentId: true, highlightId: true },
  });
}

/** The latest event id of an essay (0 for none): where a freshly loaded page starts listening. */
export async function latestEventId(essayId: string): Promise<number> {
  const latest = await db.discussionEvent.findFirst({ where: { essayId }, orderBy: { id: "desc" }, select: { id: true } });
  return latest?.id ?? 0;
}

/** What opening a stream needs to know first: whether the essay exists, and the newest event id of the whole log. */
export interface StreamFacts {
  essayExists: boolean;
  latestEventId: number;
}

/**
 * Both facts in one round trip: a primary-key probe and the log's highest id
 * (an index-only scan of the primary key's last page), ~0.1 ms on the server.
 */
export async function streamFacts(essayId: string): Promise<StreamFacts> {
  const [row] = await queryRows<StreamFacts>(Prisma.sql`
    SELECT EXISTS (SELECT 1 FROM "Essay" WHERE id = ${essayId}) AS "essayExists",
      coalesce((SELECT max(id) FROM "DiscussionEvent"), 0)::int AS "latestEventId"`);
  return row!;
}

/** The newest event id of the whole log (0 for none): no position beyond it can be real. */
export async function newestEventId(): Promise<number> {
  const [row] = await queryRows<{ latest: number }>(Prisma.sql`SELECT coalesce(max(id), 0)::int AS latest FROM "DiscussionEvent"`);
  return row!.latest;
}
