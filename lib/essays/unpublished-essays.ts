import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** How long an instance trusts its list of unpublished essays: an unpublished essay's API reads stop within this time. */
const REFRESH_MS = 2_000;

let cache: { readAt: number; ids: Promise<Set<string>> } | null = null;

/**
 * Refuses, as "does not exist", a read of an essay an editor has unpublished.
 * The list of unpublished essays (almost always empty) is read at most every
 * two seconds per instance, so the hot reads that call this (an essay's
 * highlights and discussion) cost no query of their own.
 */
export async function assertEssayPublished(essayId: string): Promise<void> {
  if ((await unpublishedEssayIds()).has(essayId)) throw new AppError("NOT_FOUND", "That essay does not exist.");
}

/**
 * As assertEssayPublished, for a read named by a comment's id (a thread, one
 * comment): its essay is looked up only while some essay is unpublished.
 */
export async function assertCommentEssayPublished(commentId: number): Promise<void> {
  const unpublished = await unpublishedEssayIds();
  if (unpublished.size === 0) return;
  const comment = await db.comment.findUnique({ where: { id: commentId }, select: { essayId: true } });
  if (comment && unpublished.has(comment.essayId)) throw new AppError("NOT_FOUND", "That comment does not exist.");
}

function unpublishedEssayIds(): Promise<Set<string>> {
  const now = Date.now();
  if (!cache || now - cache.readAt > REFRESH_MS) {
    const ids = db.essay.findMany({ where: { unpublishedAt: { not: null } }, select: { id: true } }).then((rows) => new Set(rows.map((row) => row.id)));
    cache = { readAt: now, ids };
    // A failed read is not kept: the next request tries again.
    ids.catch(() => {
      if (cache?.ids === ids) cache = null;
    });
  }
  return cache.ids;
}
