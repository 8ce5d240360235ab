import "server-only";
import { describe } from "@/lib/anchoring";
import { db } from "@/lib/db/client";
import { recordModerationAction } from "./audit";
import { passageHeat, threadScore } from "./heat";
import { loadThreadHeat } from "./load-heat";

/** A thread's heat is judged at most once a minute, whatever its pace. */
const CHECK_INTERVAL_MS = 60_000;
/** Past this many remembered threads, the ones not checked in the last minute are forgotten. */
const REMEMBERED_THREADS = 10_000;
const lastChecked = new Map<number, number>();

/**
 * Judges a thread's heat after a comment on it was committed, without
 * making the comment wait: the check is queued behind the response and runs
 * at most once per thread per minute (per server process: a second process
 * may check the same thread again in that minute, which only costs a query).
 * On every write, the heat query (load-heat.ts) would add 3-6 ms of
 * database time and ~2 ms of planning to a comment's 1.3 ms (bench:threads'
 * data); after the commit and throttled, a comment pays a map look-up, and a
 * thread in a pile-on is slowed within a minute of crossing the threshold.
 */
export function checkHeatSoon(write: { essayId: string; rootId: number; threshold: number }): void {
  const now = Date.now();
  if (now - (lastChecked.get(write.rootId) ?? 0) < CHECK_INTERVAL_MS) return;
  if (lastChecked.size >= REMEMBERED_THREADS) for (const [rootId, at] of lastChecked) if (now - at >= CHECK_INTERVAL_MS) lastChecked.delete(rootId);
  lastChecked.set(write.rootId, now);
  setImmediate(() => {
    applyAutoSlow(write.essayId, write.rootId, write.threshold).catch((error: unknown) => {
      console.warn(`The heat check of thread ${write.rootId} failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  });
}

/**
 * The automatic slow mode: when the thread of `rootId` (or the passage it is
 * on, with every thread on overlapping highlights) scores above `threshold`,
 * slows it to the site's autoSlowSeconds, audited as "system". A thread on a
 * passage slows the passage (an automatic passage control over the heated
 * threads' passages, so a new thread there is slowed too); a thread on the
 * essay as a whole slows itself. Nothing is written when it is already as
 * slow. Answers what it slowed.
 */
export async function applyAutoSlow(essayId: string, rootId: number, threshold: number): Promise<"passage" | "thread" | null> {
  const [threads, settings] = await Promise.all([loadThreadHeat(essayId), db.moderationSettings.findUnique({ where: { id: 1 }, select: { autoSlowSeconds: true } })]);
  const seconds = settings?.autoSlowSeconds ?? 120;
  const thread = threads.find((candidate) => candidate.rootId === rootId);
  if (!thread) return null;
  if (!thread.passage) {
    const score = threadScore(thread);
    if (score <= threshold || thread.threadSlowModeSeconds >= seconds) return null;
    await db.$transaction(async (tx) => {
      await tx.comment.update({ where: { id: rootId }, data: { slowModeSeconds: seconds } });
      await recordModerationAction(tx, "system", {
        action: "auto-slow-thread",
        targetType: "comment",
        targetId: String(rootId),
        reason: `Slowed automatically: heat ${score} is above ${threshold}.`,
        before: { slowModeSeconds: thread.threadSlowModeSeconds },
        after: { slowModeSeconds: seconds, heat: score },
      });
    });
    return "thread";
  }
  const passage = passageHeat(threads).find((candidate) => candidate.rootIds.includes(rootId));
  if (!passage || passage.score <= threshold) return null;
  return db.$transaction(async (tx) => {
    const essay = await tx.essay.findUnique({ where: { id: essayId }, select: { currentRevision: { select: { id: true, text: true } } } });
    const revision = essay?.currentRevision;
    if (!revision) return null;
    const slowed = await tx.passageControl.findFirst({
      where: { essayId, revisionId: revision.id, start: { lte: passage.start }, end: { gte: passage.end }, slowModeSeconds: { gte: seconds } },
      select: { id: true },
    });
    if (slowed) return null;
    const { quote } = describe(revision.text, passage.start, passage.end);
    const control = await tx.passageControl.create({
      data: { essayId, revisionId: revision.id, start: passage.start, end: passage.end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, slowModeSeconds: seconds, automatic: true },
      select: { id: true },
    });
    await recordModerationAction(tx, "system", {
      action: "auto-slow-passage",
      targetType: "essay",
      targetId: essayId,
      reason: `Slowed automatically: heat ${passage.score} is above ${threshold}.`,
      after: { controlId: control.id, start: passage.start, end: passage.end, exact: quote.exact.slice(0, 200), slowModeSeconds: seconds, heat: passage.score, threads: passage.rootIds },
    });
    return "passage";
  });
}
