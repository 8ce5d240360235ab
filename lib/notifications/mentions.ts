import "server-only";
import { db } from "@/lib/db/client";
import { MENTION_PATTERN } from "./mention-pattern";

/** At most this many readers are notified by one comment: a comment is not a mailing list. */
export const MAX_MENTIONS = 5;

/** The distinct handles a comment's Markdown mentions, lower-cased, in order, outside code; at most MAX_MENTIONS. */
export function mentionedHandles(body: string): string[] {
  // Code is quoted text, not an address: `@admin` in a code span mentions nobody.
  const prose = body.replace(/```[\s\S]*?(?:```|$)/g, " ").replace(/`[^`\n]*`/g, " ");
  const handles = new Set<string>();
  for (const match of prose.matchAll(MENTION_PATTERN)) {
    handles.add(match[1]!.toLowerCase());
    if (handles.size === MAX_MENTIONS) break;
  }
  return [...handles];
}

/** Of the handles a comment's Markdown mentions, those of accounts a mention can reach (not banned, not deleted): these are linked in its HTML. */
export async function mentionableHandles(body: string): Promise<Set<string>> {
  const handles = mentionedHandles(body);
  if (handles.length === 0) return new Set();
  const readers = await db.user.findMany({ where: { handle: { in: handles }, standing: { not: "BANNED" }, deletedAt: null }, select: { handle: true } });
  return new Set(readers.map((reader) => reader.handle.toLowerCase()));
}

/**
 * Tells the readers a published comment mentions: existing accounts that are
 * neither banned nor deleted, never its author, and not those already told
 * of it as a reply (one notice per comment per reader). Returns how many
 * were told.
 */
export async function notifyMentions(comment: { id: number; essayId: string; authorId: string; body: string; notice: string }): Promise<number> {
  const handles = mentionedHandles(comment.body);
  if (handles.length === 0) return 0;
  const readers = await db.user.findMany({
    where: { handle: { in: handles }, standing: { not: "BANNED" }, deletedAt: null, id: { not: comment.authorId }, notifications: { none: { commentId: comment.id } } },
    select: { id: true },
  });
  if (readers.length === 0) return 0;
  const { count } = await db.notification.createMany({
    data: readers.map((reader) => ({ userId: reader.id, kind: "MENTION" as const, commentId: comment.id, essayId: comment.essayId, message: comment.notice })),
  });
  return count;
}
