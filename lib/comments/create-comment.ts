import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { queryArrays, queryRows, sqlTransaction } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { insertHighlight } from "@/lib/highlights/create-highlight";
import { announceBellChanges, announceDiscussionEvent } from "@/lib/live/publish";
import { consume, refund } from "@/lib/rate-limit/limits";
import { markdownExcerpt } from "@/lib/markdown/render";
import { renderCommentHtml } from "./render-comment-html";
import { notifyMentions } from "@/lib/notifications/mentions";
import type { CommentContext } from "@/lib/moderation/pipeline";
import { judgeComment } from "./judge";
import { childPath } from "./path";
import { commentContext, floodChecks, judgingFactColumns, type JudgingFacts } from "./pipeline-context";
import { assertCommentMayPublish, passageFactSql, passageOf, type PassageFacts } from "@/lib/passages/comment-facts";
import { checkHeatSoon } from "@/lib/moderation/auto-slow";
import { commentJoins, commentViewColumns, commentViewFromRow, extraColumn } from "./read-sql";
import type { CreateCommentInput } from "./schemas";
import type { CommentView } from "./view";

/** The essay, the comment replied to, its thread's root, the highlight commented on and what the pipeline judges by, as one query returns them. */
interface Target extends JudgingFacts, PassageFacts {
  commentsOpen: boolean;
  preModeration: CommentContext["essay"]["preModeration"];
  preModerationThreshold: number;
  slowModeSeconds: number;
  commentId: number;
  parentId: number | null;
  parentPath: string | null;
  parentDepth: number | null;
  parentRootId: number | null;
  parentHighlightId: string | null;
  parentAuthorId: string | null;
  parentStatus: "PUBLISHED" | "HELD" | "HIDDEN" | null;
  parentDeleted: boolean;
  threadLockedAt: Date | null;
  threadSlowModeSeconds: number | null;
  highlightId: string | null;
  /** The highlight commented on is the viewer's own private one: the comment makes it public. */
  highlightPrivate: boolean;
}

/**
 * The query that reads what a new comment hangs on and what it will be
 * judged by, and reserves its id (a refused comment leaves a gap in the ids,
 * as a rolled-back insert would): the id is needed for the materialised path
 * before the row is written. Its values reach it through InitPlans
 * (`(SELECT $n)`), so a custom plan can never look cheaper than the generic
 * one and PostgreSQL plans it once per connection (see judgingFactColumns).
 */
export function targetSql(viewer: Viewer, essayId: string, input: CreateCommentInput): Prisma.Sql {
  const passage = passageFactSql(input.passage);
  return Prisma.sql`
    SELECT e."commentsOpen", e."preModeration"::text AS "preModeration", e."preModerationThreshold", e."slowModeSeconds",
      nextval(pg_get_serial_sequence('"Comment"', 'id'))::int AS "commentId",
      p.id AS "parentId", p.path AS "parentPath", p.depth AS "parentDepth", p."rootId" AS "parentRootId", p."highlightId" AS "parentHighlightId",
      p."authorId" AS "parentAuthorId", p.status::text AS "parentStatus", (p."deletedAt" IS NOT NULL) AS "parentDeleted",
      r."lockedAt" AS "threadLockedAt", r."slowModeSeconds" AS "threadSlowModeSeconds",
      h.id AS "highlightId", coalesce(h.visibility = 'PRIVATE', false) AS "highlightPrivate",
      ${judgingFactColumns(viewer.id, input.body)}, ${passage.columns}
    FROM "Essay" e
    LEFT JOIN "Comment" p ON p.id = (SELECT ${input.parentId ?? null}::int) AND p."essayId" = e.id
    LEFT JOIN "Comment" r ON r.id = coalesce(p."rootId", p.id)
    LEFT JOIN "Highlight" h ON h.id = (SELECT ${input.highlightId ?? null}::text) AND h."essayId" = e.id AND h."deletedAt" IS NULL
      AND (h.visibility = 'PUBLIC' OR h."authorId" = ${viewer.id})
    LEFT JOIN "ModerationSettings" s ON s.id = 1
    ${passage.joins}
    WHERE e.id = ${essayId} AND e."unpublishedAt" IS NULL`;
}

async function loadTarget(viewer: Viewer, essayId: string, input: CreateCommentInput): Promise<Target | undefined> {
  const [target] = await queryRows<Target>(targetSql(viewer, essayId, input));
  return target;
}

/** Refuses a reply to what the reader may not see or reply to, and a comment on a highlight they cannot see. */
function assertTargetAllowed(viewer: Viewer, input: CreateCommentInput, target: Target): void {
  if (input.parentId && (target.parentId === null || (target.parentStatus === "HELD" && target.parentAuthorId !== viewer.id))) {
    throw new AppError("NOT_FOUND", "The comment you are replying to does not exist.");
  }
  if (target.parentDeleted || target.parentStatus === "HIDDEN") throw new AppError("FORBIDDEN", "You cannot reply to a deleted or hidden comment.");
  if (input.highlightId && !target.highlightId) throw new AppError("NOT_FOUND", "That highlight does not exist.");
}

/**
 * The comment's row, the parent author's notice, the live event and, for a
 * comment on the author's own private highlight, that highlight made public
 * (a comment is public, and so is what it is about), written by one
 * statement (so atomically, in one round trip), which returns the comment as
 * its author now sees it and the event's id.
 */
function insertSql(
  viewer: Viewer,
  essayId: string,
  target: Target,
  highlightId: string | null,
  fields: { body: string; bodyHtml: string; status: "PUBLISHED" | "HELD"; holdReasons: string[]; notice: string | null },
): Prisma.Sql {
  const id = target.commentId;
  const replying = target.parentId !== null;
  const rootId = replying ? (target.parentRootId ?? target.parentId) : id;
  return Prisma.sql`
    WITH c AS (
      INSERT INTO "Comment" (id, "essayId", "highlightId", "parentId", "rootId", depth, path, "authorId", body, "bodyHtml", status, "holdReasons", "createdAt", "updatedAt")
      VALUES (${id}, ${essayId}, ${highlightId}, ${target.parentId}, ${replying ? (target.parentRootId ?? target.parentId) : id}, ${replying ? target.parentDepth! + 1 : 0},
        ${childPath(target.parentPath, id)}, ${viewer.id}, ${fields.body}, ${fields.bodyHtml}, ${fields.status}::"CommentStatus", ${fields.holdReasons}::text[],
        now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC')
      RETURNING *
    ), notice AS (
      INSERT INTO "Notification" ("userId", kind, "commentId", "essayId", message)
      SELECT r."userId", 'REPLY', c.id, c."essayId", ${fields.notice}::text FROM c, (
        SELECT ${target.parentAuthorId}::text AS "userId" WHERE NOT EXISTS (
          SELECT 1 FROM "ThreadSubscription" WHERE "userId" = ${target.parentAuthorId}::text AND "rootId" = ${rootId}::int AND mode = 'MUTE')
        UNION
        SELECT "userId" FROM "ThreadSubscription" WHERE "rootId" = ${rootId}::int AND mode = 'WATCH'
      ) r
      WHERE ${fields.notice}::text IS NOT NULL AND r."userId" IS NOT NULL AND r."userId" <> ${viewer.id}
      RETURNING "userId"
    ), event AS (
      INSERT INTO "DiscussionEvent" ("essayId", kind, "commentId") SELECT c."essayId", 'comment', c.id FROM c WHERE c.status = 'PUBLISHED' RETURNING id
    ), published AS (
      UPDATE "Highlight" SET visibility = 'PUBLIC', "updatedAt" = now() AT TIME ZONE 'UTC'
      WHERE ${target.highlightPrivate} AND id = ${highlightId} AND "authorId" = ${viewer.id} AND visibility = 'PRIVATE' AND EXISTS (SELECT 1 FROM c)
    )
    SELECT ${commentViewColumns(viewer.id)}, (SELECT id FROM event) AS "eventId", (SELECT array_agg("userId") FROM notice) AS "noticed" FROM c ${commentJoins}`;
}

/**
 * Writes a comment: on the essay as a whole, as a reply, on an existing
 * highlight, or on a newly selected passage (which becomes a public
 * highlight in the same transaction). It runs facts → verdict → effects:
 * one query reads what the comment hangs on and what it is judged by; the
 * target rules and the moderation pipeline decide (publish, hold, or refuse)
 * with nothing spent yet; only then is the flood limit counted and the
 * comment written, so a refused comment leaves no row, no event and no
 * spent limit. The Markdown is rendered and sanitised once, here.
 */
export async function createComment(viewer: Viewer, essayId: string, input: CreateCommentInput): Promise<CommentView> {
  // Facts.
  const target = await loadTarget(viewer, essayId, input);
  if (!target) throw new AppError("NOT_FOUND", "That essay does not exist.");
  const thread = target.parentId !== null ? { lockedAt: target.threadLockedAt, slowModeSeconds: target.threadSlowModeSeconds ?? 0 } : null;
  const context = { ...(await commentContext(viewer, target, thread, input.body, false, target)), passage: passageOf(target) };
  const bodyHtml = await renderCommentHtml(input.body);

  // Verdict.
  assertTargetAllowed(viewer, input, target);
  assertCommentMayPublish(target);
  const { status, holdReasons } = judgeComment(context);

  // Effects: the limit is spent only now (a concurrent comment may still win the slot: then this one is refused, unwritten).
  const limits = floodChecks(viewer.id, Math.max(target.slowModeSeconds, thread?.slowModeSeconds ?? 0, target.passageSlowModeSeconds ?? 0));
  await consume(limits);
  // A published reply tells the parent's author (unless they muted the thread) and the thread's watchers, never its own author (insertSql).
  const excerpt = markdownExcerpt(input.body);
  const fields = {
    body: input.body,
    bodyHtml,
    status,
    holdReasons,
    notice: status === "PUBLISHED" && target.parentId !== null ? `${viewer.name} (@${viewer.handle}) replied: ${excerpt}` : null,
  };
  const written = await writeComment(viewer, essayId, input, target, fields).catch(async (error: unknown) => {
    await refund(limits).catch(() => undefined);
    throw error;
  });
  const eventId = extraColumn(written, 0) as number | null;
  const noticed = extraColumn(written, 1) as string[] | null;
  await Promise.all([announceDiscussionEvent(eventId === null ? null : { essayId, eventId }), announceBellChanges(noticed ?? [])]);
  // Mentions only in what everyone can read: a held comment tells nobody until a moderator publishes it.
  if (status === "PUBLISHED") await tellMentioned(viewer, essayId, target.commentId, input.body, excerpt);
  const view = commentViewFromRow(written);
  // Off by default; when on, judged after the commit and not awaited (lib/moderation/auto-slow.ts).
  if (target.autoSlowHeatThreshold !== null) checkHeatSoon({ essayId, rootId: view.rootId, threshold: target.autoSlowHeatThreshold });
  return view;
}

/** Notifies the readers a comment @mentions. The comment is committed: a failure here is logged, not the writer's error. */
async function tellMentioned(viewer: Viewer, essayId: string, commentId: number, body: string, excerpt: string): Promise<void> {
  await notifyMentions({ id: commentId, essayId, authorId: viewer.id, body, notice: `${viewer.name} (@${viewer.handle}) mentioned you: ${excerpt}` }).catch((error: unknown) => {
    console.warn(`Mention notifications for comment ${commentId} failed: ${error instanceof Error ? error.message : String(error)}`);
  });
}

/** The insert: a passage's new highlight and its comment commit together, in one gateway transaction; any other comment is the one statement. */
async function writeComment(viewer: Viewer, essayId: string, input: CreateCommentInput, target: Target, fields: Parameters<typeof insertSql>[4]): Promise<unknown[]> {
  const passage = input.passage;
  if (!passage) return (await queryArrays(insertSql(viewer, essayId, target, target.parentHighlightId ?? target.highlightId, fields)))[0]!;
  return sqlTransaction(async (tx) => {
    const highlight = await insertHighlight(tx, viewer.id, essayId, { ...passage, note: null, visibility: "public" }, "reuse-public");
    return (await tx.arrays(insertSql(viewer, essayId, { ...target, highlightPrivate: false }, highlight.id, fields)))[0]!;
  });
}
