import "server-only";
import { describe } from "@/lib/anchoring";
import { hasRole, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { announceDiscussionEvent, recordHighlightEvent } from "@/lib/live/publish";
import { AppError } from "@/lib/errors";
import { diffWords } from "@/lib/essays/diff-words";
import { revisionLock } from "@/lib/essays/revision-lock";
import { recordModerationAction } from "@/lib/moderation/audit";
import type { ReattachHighlightInput } from "./schemas";
import { highlightViewSelect, toHighlightView, type HighlightView } from "./view";

/**
 * Who may re-attach a highlight: its owner; for a public one that a
 * revision orphaned or left on changed words, also the author of the first
 * comment of a thread on it (the thread moves with it), and editors and
 * moderators (the owner is told). Nobody but the owner may touch a private
 * one.
 */
function mayReattach(viewer: Viewer, highlight: { authorId: string; visibility: "PUBLIC" | "PRIVATE"; lost: boolean }, startedThread: boolean): boolean {
  if (highlight.authorId === viewer.id) return true;
  // Someone else may only mend a highlight a revision broke (orphaned, or on changed words), never move one that is in place.
  if (highlight.visibility !== "PUBLIC" || !highlight.lost) return false;
  return startedThread || hasRole(viewer, "EDITOR");
}

/**
 * Puts a highlight, and the threads on it, on a passage the reader selected
 * in the essay's current revision: how an orphaned highlight (its passage
 * removed or rewritten) finds its words again, or a changed one is moved.
 * Facts: the highlight, the current revision and who started its threads.
 * Verdict: the viewer may re-attach it, and the selection is exactly the
 * revision's words. Effects: new selectors computed here (never trusted from
 * the browser), anchored with full confidence, and an audit row that records
 * positions only, never the words (a private highlight's are its owner's).
 */
export async function reattachHighlight(viewer: Viewer, highlightId: string, input: ReattachHighlightInput): Promise<HighlightView> {
  const { view, event } = await db.$transaction(async (tx) => {
    // The current revision read below stays current until this commits (revision-lock.ts).
    const essay = await tx.highlight.findUnique({ where: { id: highlightId }, select: { essayId: true } });
    if (essay) await tx.$queryRaw`SELECT ${revisionLock(essay.essayId, "shared")}`;
    const highlight = await tx.highlight.findUnique({
      where: { id: highlightId },
      select: {
        id: true,
        essayId: true,
        authorId: true,
        visibility: true,
        deletedAt: true,
        revisionId: true,
        start: true,
        end: true,
        status: true,
        exact: true,
        passageDiff: true,
        essay: { select: { unpublishedAt: true, currentRevision: { select: { id: true, number: true, text: true, title: true } } } },
      },
    });
    // Someone else's private highlight does not exist, as far as this viewer can tell.
    if (!highlight || highlight.deletedAt || highlight.essay.unpublishedAt || (highlight.visibility === "PRIVATE" && highlight.authorId !== viewer.id))
      throw new AppError("NOT_FOUND", "That highlight does not exist.");
    const startedThread = (await tx.comment.count({ where: { highlightId, parentId: null, authorId: viewer.id, deletedAt: null } })) > 0;
    const lost = highlight.status === "ORPHANED" || highlight.passageDiff !== null;
    if (!mayReattach(viewer, { ...highlight, lost }, startedThread)) {
      throw new AppError(
        "FORBIDDEN",
        lost ? "Only the highlight's owner, whoever started a discussion on it, and editors or moderators can re-attach it." : "Only its owner can move a highlight that is still on its words.",
      );
    }
    const revision = highlight.essay.currentRevision;
    if (!revision) throw new AppError("NOT_FOUND", "That essay does not exist.");
    if (input.revisionId !== revision.id) {
      throw new AppError("VALIDATION", "The essay has been revised since this page was loaded. Reload the page and select the passage again.", {
        fieldErrors: { revisionId: ["This is not the essay's current revision."] },
      });
    }
    if (input.end > revision.text.length || revision.text.slice(input.start, input.end) !== input.exact) {
      throw new AppError("VALIDATION", "The selected words do not match the essay at that position. Reload the page and try again.", {
        fieldErrors: { exact: ["These words are not in the essay at the given position."] },
      });
    }
    const selectors = describe(revision.text, input.start, input.end);
    const row = await tx.highlight.update({
      where: { id: highlightId },
      data: {
        revisionId: revision.id,
        originalRevisionId: revision.id,
        exact: selectors.quote.exact,
        prefix: selectors.quote.prefix,
        suffix: selectors.quote.suffix,
        start: selectors.position.start,
        end: selectors.position.end,
        status: "ANCHORED",
        anchorConfidence: 1,
        passageDiff: Prisma.DbNull,
      },
      select: highlightViewSelect,
    });
    await recordModerationAction(tx, viewer, {
      action: "reattach-highlight",
      targetType: "highlight",
      targetId: highlightId,
      before: { status: highlight.status, start: highlight.start, end: highlight.end, revisionId: highlight.revisionId },
      after: { status: "ANCHORED", start: selectors.position.start, end: selectors.position.end, revision: revision.number },
    });
    if (highlight.authorId !== viewer.id) {
      await tx.notification.create({
        data: {
          userId: highlight.authorId,
          kind: "PASSAGE_CHANGED",
          essayId: highlight.essayId,
          highlightId,
          message: `@${viewer.handle} re-attached your highlight in “${revision.title}” to the passage's new words.`,
          passageDiff: diffWords(highlight.exact, selectors.quote.exact) as unknown as Prisma.InputJsonValue,
          mailState: "SKIPPED",
        },
      });
    }
    // Other readers' pages repaint a public highlight from the event log (a private one records nothing).
    const isPublic = highlight.visibility === "PUBLIC";
    const event = await recordHighlightEvent(tx, highlight.essayId, highlightId, isPublic, isPublic);
    return { view: toHighlightView(row, viewer.id), event };
  });
  await announceDiscussionEvent(event);
  return view;
}
