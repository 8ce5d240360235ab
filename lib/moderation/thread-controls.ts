import "server-only";
import { assertRole, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { actOnComments } from "./act-on-comments";
import { MODERATION_PERMISSIONS } from "./actions";

/** The threads the given comments belong to (their first comments, where thread settings live). */
async function threadRoots(commentIds: readonly number[]): Promise<number[]> {
  const rows = await db.comment.findMany({ where: { id: { in: [...commentIds] } }, select: { id: true, rootId: true } });
  return [...new Set(rows.map((row) => row.rootId ?? row.id))];
}

/** Locks the threads of the given comments (no new replies) or unlocks them. */
export async function lockThreads(actor: Viewer | null, commentIds: readonly number[], locked: boolean, reason: string | null = null) {
  assertRole(actor, MODERATION_PERMISSIONS["lock-thread"]);
  const roots = await threadRoots(commentIds);
  return actOnComments(actor, locked ? "lock-thread" : "unlock-thread", roots.length ? roots : commentIds, reason, (root) =>
    (root.lockedAt !== null) === locked ? { data: null } : { data: { lockedAt: locked ? new Date() : null } },
  );
}

/** Puts the threads of the given comments in slow mode: `seconds` between one reader's comments (0 turns it off). */
export async function slowThreads(actor: Viewer | null, commentIds: readonly number[], seconds: number, reason: string | null = null) {
  assertRole(actor, MODERATION_PERMISSIONS["slow-thread"]);
  const roots = await threadRoots(commentIds);
  return actOnComments(actor, "slow-thread", roots.length ? roots : commentIds, reason, (root) => (root.slowModeSeconds === seconds ? { data: null } : { data: { slowModeSeconds: seconds } }));
}
