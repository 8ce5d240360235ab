import "server-only";
import { db } from "@/lib/db/client";

/** Which of these highlights carry a thread `userId` started (a root comment, not deleted). */
export async function passagesWithThreadsBy(userId: string, highlightIds: string[]): Promise<Set<string>> {
  const rows = await db.comment.findMany({ where: { highlightId: { in: highlightIds }, parentId: null, authorId: userId, deletedAt: null }, select: { highlightId: true }, distinct: ["highlightId"] });
  return new Set(rows.flatMap((row) => (row.highlightId ? [row.highlightId] : [])));
}
