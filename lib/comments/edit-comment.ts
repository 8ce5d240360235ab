import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { announceDiscussionEvent, isPublicChange, recordDiscussionEvent, type RecordedEvent } from "@/lib/live/publish";
import { consume, LIMITS, refund } from "@/lib/rate-limit/limits";
import { judgeComment } from "./judge";
import { commentContext, loadEditFacts } from "./pipeline-context";
import { loadComment } from "./queries";
import type { CommentView } from "./view";
import { renderCommentHtml } from "./render-comment-html";

const NOT_YOURS = "That comment does not exist or is not yours.";

/**
 * Edits one of the author's own comments. The previous text goes into the
 * edit history (shown to moderators), the comment is marked edited, and the
 * new text passes the moderation pipeline again. At most
 * `LIMITS.editsPerUser` edits are written per window (429 with Retry-After
 * beyond); an edit refused for any other reason does not count.
 */
export async function editComment(viewer: Viewer, commentId: number, body: string): Promise<CommentView> {
  const comment = await db.comment.findFirst({
    where: { id: commentId, authorId: viewer.id, deletedAt: null },
    select: { id: true, body: true, essayId: true, status: true, rootId: true, essay: { select: { commentsOpen: true, preModeration: true, preModerationThreshold: true, slowModeSeconds: true } } },
  });
  if (!comment) throw new AppError("NOT_FOUND", NOT_YOURS);
  if (comment.status === "HIDDEN") throw new AppError("FORBIDDEN", "A moderator hid this comment, so it can no longer be edited.");
  if (comment.body === body) return (await loadComment(commentId, viewer.id))!;
  const root = await db.comment.findUnique({ where: { id: comment.rootId ?? comment.id }, select: { lockedAt: true, slowModeSeconds: true } });
  const verdict = judgeComment(await commentContext(viewer, comment.essay, root, body, true, await loadEditFacts(viewer, comment.essayId)));
  const bodyHtml = await renderCommentHtml(body);
  // Editing a held comment used to put its id on every stream, anonymous ones included.
  const statusAfter = verdict.status === "HELD" ? "HELD" : comment.status;
  const announce = isPublicChange(comment.status, statusAfter);

  // Only an edit that will be written spends a slot (or is refused, 429):
  // not found, not yours, hidden, unchanged or refused by the pipeline, it
  // has thrown or returned above. Spent outside the transaction: the limiter
  // draws on the same connection pool.
  const limit = [{ rule: LIMITS.editsPerUser, key: viewer.id }];
  await consume(limit);
  let event: RecordedEvent | null;
  try {
    event = await db.$transaction(async (tx) => {
      await tx.commentRevision.create({ data: { commentId, editorId: viewer.id, body: comment.body } });
      const { count } = await tx.comment.updateMany({
        where: { id: commentId, authorId: viewer.id, deletedAt: null },
        data: { body, bodyHtml, editedAt: new Date(), ...(verdict.status === "HELD" ? { status: "HELD", holdReasons: verdict.holdReasons } : {}) },
      });
      if (count === 0) throw new AppError("NOT_FOUND", NOT_YOURS);
      return announce ? recordDiscussionEvent(tx, comment.essayId, "edit", commentId) : null;
    });
  } catch (error) {
    // Deleted meanwhile, or the write failed: nothing was edited, nothing is counted.
    await refund(limit).catch(() => undefined);
    throw error;
  }
  await announceDiscussionEvent(event);
  return (await loadComment(commentId, viewer.id))!;
}
