import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** How a reader hears of a thread: every reply ("watch"), none ("mute"), or replies to their own comments ("default"). */
export type ThreadWatch = "watch" | "mute" | "default";

const NOT_FOUND = "That thread does not exist.";

/**
 * Sets the reader's choice for the thread rooted at `rootId`. Only a thread
 * the reader can see: a published root, or their own held one (a hidden or
 * unknown thread answers "not found", so the endpoint does not reveal which
 * ids exist).
 */
export async function setThreadWatch(userId: string, rootId: number, mode: ThreadWatch): Promise<{ mode: ThreadWatch }> {
  // Facts.
  const root = await db.comment.findUnique({ where: { id: rootId }, select: { parentId: true, status: true, authorId: true } });
  // Verdict.
  if (!root || root.parentId !== null || (root.status !== "PUBLISHED" && root.authorId !== userId)) throw new AppError("NOT_FOUND", NOT_FOUND);
  // Effects.
  if (mode === "default") await db.threadSubscription.deleteMany({ where: { userId, rootId } });
  else {
    const stored = mode === "watch" ? "WATCH" : "MUTE";
    await db.threadSubscription.upsert({ where: { userId_rootId: { userId, rootId } }, create: { userId, rootId, mode: stored }, update: { mode: stored } });
  }
  return { mode };
}

/** The reader's choices for these threads; threads left at the default are absent. Only the reader's own rows are read. */
export async function threadWatches(userId: string, rootIds: number[]): Promise<Record<number, "watch" | "mute">> {
  const rows = await db.threadSubscription.findMany({ where: { userId, rootId: { in: rootIds } }, select: { rootId: true, mode: true } });
  return Object.fromEntries(rows.map((row) => [row.rootId, row.mode === "WATCH" ? "watch" : "mute"]));
}
