import "server-only";
import { db } from "@/lib/db/client";

/** Events a reconnecting client catches up on at most; beyond this it reloads. */
export const CATCH_UP_LIMIT = 500;

/** An event as the stream sends it: ids only, the client fetches what it may see. */
export interface StreamEvent {
  id: number;
  kind: string;
  commentId: number | null;
}

/** The events of an essay after `afterId`, oldest first. */
export async function eventsAfter(essayId: string, afterId: number): Promise<StreamEvent[]> {
  return db.discussionEvent.findMany({
    where: { essayId, id: { gt: afterId } },
    orderBy: { id: "asc" },
    take: CATCH_UP_LIMIT,
    select: { id: true, kind: true, commentId: true },
  });
}

/** The latest event id of an essay (0 for none): where a freshly loaded page starts listening. */
export async function latestEventId(essayId: string): Promise<number> {
  const latest = await db.discussionEvent.findFirst({ where: { essayId }, orderBy: { id: "desc" }, select: { id: true } });
  return latest?.id ?? 0;
}
