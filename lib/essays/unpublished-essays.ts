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
  const now = Date.now();
  if (!cache || now - cache.readAt > REFRESH_MS) {
    const ids = db.essay.findMany({ where: { unpublishedAt: { not: null } }, select: { id: true } }).then((rows) => new Set(rows.map((row) => row.id)));
    cache = { readAt: now, ids };
    // A failed read is not kept: the next request tries again.
    ids.catch(() => {
      if (cache?.ids === ids) cache = null;
    });
  }
  if ((await cache.ids).has(essayId)) throw new AppError("NOT_FOUND", "That essay does not exist.");
}
