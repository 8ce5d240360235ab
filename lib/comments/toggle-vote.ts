import "server-only";
import { assertEmailConfirmed } from "@/lib/auth/assert-email-confirmed";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { announceDiscussionEvent, recordDiscussionEvent, type RecordedEvent } from "@/lib/live/publish";
import { consume, LIMITS, refund } from "@/lib/rate-limit/limits";

/** What a vote request asks for: flip the reader's vote, or set it. */
type VoteIntent = "toggle" | boolean;

/** The reader's vote on a comment after the request, and the comment's count. */
export interface VoteResult {
  voted: boolean;
  upvotes: number;
}

/** The comment and the reader's vote on it, read under the lock. */
interface LockedComment {
  essayId: string;
  authorId: string | null;
  status: string;
  deleted: boolean;
  upvotes: number;
  has: boolean;
}

/** Refuses a vote on a comment that is not there for voting, or on one's own. */
function assertVotable(comment: { authorId: string | null; status: string; deleted: boolean } | null | undefined, userId: string): asserts comment {
  if (!comment || comment.status !== "PUBLISHED" || comment.deleted) throw new AppError("NOT_FOUND", "That comment does not exist.");
  if (comment.authorId === userId) throw new AppError("FORBIDDEN", "You cannot vote for your own comment.");
}

/**
 * One vote request, in the order facts → verdict → effects.
 *
 * Facts and verdict first, without locking anything: a vote on a tombstone,
 * a missing comment or one's own, or setting a vote that is already so,
 * spends no vote-rate slot. The slot is spent next, outside the transaction:
 * the rate limiter draws on the same connection pool, and a transaction
 * waiting for it while others hold every connection waiting for its lock
 * deadlocked the pool (20 parallel toggles: 11 timed out after 2 s).
 *
 * Then the write, in a transaction that first takes a lock on this reader's
 * vote on this comment (a transaction-scoped advisory lock on the pair), so
 * one reader's votes on one comment take effect one after another and each
 * statement after the lock sees the previous one committed. Without it, 20
 * simultaneous toggles by one reader all saw "no vote" and 15 of their
 * inserts failed on the primary key (500). Other readers' votes do not wait
 * for it, only for the count's row update, as before: 20 readers voting on
 * one comment at once took 160-190 ms here with the lock on the pair, and
 * as long with the comment's row locked for the whole transaction. The
 * facts are checked again under the lock, and a slot spent on a request that
 * turns out to change nothing, or to be refused, is given back.
 */
async function applyVote(userId: string, commentId: number, intent: VoteIntent): Promise<VoteResult> {
  const seen = await db.comment.findUnique({
    where: { id: commentId },
    select: { authorId: true, status: true, deletedAt: true, upvotes: true, votes: { where: { userId }, select: { userId: true } } },
  });
  assertVotable(seen && { ...seen, deleted: seen.deletedAt !== null }, userId);
  if (intent !== "toggle" && intent === seen.votes.length > 0) return { voted: intent, upvotes: seen.upvotes };
  await assertEmailConfirmed(userId, "vote");

  const limit = [{ rule: LIMITS.votesPerUser, key: userId }];
  await consume(limit);
  let result: VoteResult & { event: RecordedEvent | null };
  try {
    result = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${commentId}::int, hashtext(${userId}))`;
      const [comment] = await tx.$queryRaw<LockedComment[]>`
        SELECT "essayId", "authorId", status::text AS status, ("deletedAt" IS NOT NULL) AS deleted, upvotes,
          EXISTS (SELECT 1 FROM "Vote" WHERE "commentId" = ${commentId} AND "userId" = ${userId}) AS has
        FROM "Comment" WHERE id = ${commentId}`;
      assertVotable(comment, userId);
      const has = comment.has;
      const want = intent === "toggle" ? !has : intent;
      if (want === has) return { voted: has, upvotes: comment.upvotes, event: null };
      if (want) await tx.vote.create({ data: { commentId, userId } });
      else await tx.vote.delete({ where: { commentId_userId: { commentId, userId } } });
      const updated = await tx.comment.update({ where: { id: commentId }, data: { upvotes: { increment: want ? 1 : -1 } }, select: { upvotes: true } });
      return { voted: want, upvotes: updated.upvotes, event: await recordDiscussionEvent(tx, comment.essayId, "vote", commentId) };
    });
  } catch (error) {
    // Refused under the lock, or the write failed: nothing was written, nothing is counted.
    await refund(limit).catch(() => undefined);
    throw error;
  }
  const { event, ...answer } = result;
  // Another request made the same change first: nothing was written, nothing is counted.
  if (!event) await refund(limit).catch(() => undefined);
  await announceDiscussionEvent(event);
  return answer;
}

/**
 * Turns the reader's upvote on a comment on or off (one per reader per
 * comment), keeping the comment's count in step in the same transaction.
 * Readers cannot vote for their own comments or for tombstones. Concurrent
 * toggles take effect one after another, each answering the state it left.
 */
export async function toggleVote(userId: string, commentId: number): Promise<VoteResult> {
  return applyVote(userId, commentId, "toggle");
}

/**
 * Sets the reader's upvote on a comment to `voted`. Idempotent, unlike
 * toggling: a double click or a retried request cannot undo the vote it
 * meant to cast, and setting what is already so changes, announces and
 * counts nothing against the vote limit.
 */
export async function setVote(userId: string, commentId: number, voted: boolean): Promise<VoteResult> {
  return applyVote(userId, commentId, voted);
}
