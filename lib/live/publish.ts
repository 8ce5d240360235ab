import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/** The PostgreSQL channel every app instance listens on. */
export const DISCUSSION_CHANNEL = "glossa_discussion";

/** What changed in a discussion. */
export type DiscussionEventKind = "comment" | "edit" | "delete" | "vote" | "moderation";

/**
 * Records a discussion change and announces it with NOTIFY, inside the
 * caller's transaction: the event row and the notification commit (or not)
 * with the change itself. The payload carries ids only, far below NOTIFY's
 * 8,000-byte limit; listeners fetch what they may show.
 */
export async function publishDiscussionEvent(tx: Prisma.TransactionClient, essayId: string, kind: DiscussionEventKind, commentId: number): Promise<number> {
  const event = await tx.discussionEvent.create({ data: { essayId, kind, commentId }, select: { id: true } });
  await tx.$executeRaw`SELECT pg_notify(${DISCUSSION_CHANNEL}, ${JSON.stringify({ essayId, eventId: event.id })})`;
  return event.id;
}
