import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { reanchorHighlights } from "@/lib/highlights/reanchor-highlights";
import { reanchorPassageControls } from "@/lib/passages/reanchor-passage-controls";
import { announceDiscussionEvent } from "@/lib/live/publish";
import { recordModerationAction } from "@/lib/moderation/audit";
import type { EssayDraft } from "./editor-schemas";
import { insertRevision, prepareRevision } from "./insert-revision";
import { notifyPassageChanges } from "./notify-passage-changes";
import { reportPlan, threadCounts, type ReanchorReport } from "./passage-report";
import { previewEssayImport, previewedEssay } from "./preview-essay-import";
import { revisionLock } from "./revision-lock";

/** A published revision and what it did to the essay's highlights and threads. */
export interface RevisedEssay {
  slug: string;
  revisionNumber: number;
  report: ReanchorReport;
  notified: number;
}

/**
 * Publishes an editor's draft as an essay's next revision. Facts: the draft
 * previewed as the editor saw it. Verdict: the essay exists, its current
 * revision is the one the draft was made from, and the draft differs from it. Effects, in one transaction holding the
 * essay's revision lock (revision-lock.ts: two editors' revisions are
 * numbered one after the other, and no highlight lands on the old revision
 * while the highlights are re-anchored):
 * the revision, every highlight re-anchored onto it, the notices to readers
 * whose passages changed, the audit row, and an event that tells open pages.
 */
export async function reviseEssay(editor: Viewer, essayId: string, draft: EssayDraft & { baseRevision: number; note?: string }): Promise<RevisedEssay> {
  const preview = await previewEssayImport(draft);
  const prepared = prepareRevision(previewedEssay(preview));
  const revised = await db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT ${revisionLock(essayId, "exclusive")}`;
      const [essay] = await tx.$queryRaw<{ slug: string; hash: string | null; number: number | null; editor: string | null }[]>`
        SELECT e.slug, r."contentHash" AS hash, r.number, u.handle AS editor
        FROM "Essay" e LEFT JOIN "EssayRevision" r ON r.id = e."currentRevisionId" LEFT JOIN "User" u ON u.id = r."importedById"
        WHERE e.id = ${essayId}`;
      if (!essay) throw new AppError("NOT_FOUND", "That essay does not exist.");
      // Another editor's revision since this draft was made would otherwise be silently overwritten.
      if (essay.number !== draft.baseRevision) {
        throw new AppError(
          "CONFLICT",
          `Revision ${essay.number}${essay.editor ? ` (by @${essay.editor})` : ""} was published while you were working on revision ${draft.baseRevision}. Reload to see it, then make your changes again.`,
        );
      }
      if (essay.hash === prepared.hash) throw new AppError("CONFLICT", "This draft is the same as the published text: change something before publishing a revision.");
      const revision = await insertRevision(tx, essayId, prepared, { importedById: editor.id, note: draft.note || null });
      const { plan, visibility } = await reanchorHighlights(tx, essayId, revision);
      await reanchorPassageControls(tx, essayId, revision);
      const report = reportPlan(
        plan,
        visibility,
        await threadCounts(
          tx,
          plan.map((outcome) => outcome.id),
        ),
      );
      const notified = await notifyPassageChanges(tx, plan, { essayId, title: prepared.essay.title, editorId: editor.id });
      await recordModerationAction(tx, editor, {
        action: "revise-essay",
        targetType: "essay",
        targetId: essayId,
        reason: draft.note || null,
        // Counts only: the audit log never quotes a private highlight.
        after: { revision: revision.number, title: prepared.essay.title, words: prepared.wordCount, highlights: { ...report.highlights }, threads: { ...report.threads }, notified },
      });
      // Readers on the page are offered the new version (use-live-highlights.ts).
      const event = await tx.discussionEvent.create({ data: { essayId, kind: "revision" }, select: { id: true } });
      return { slug: essay.slug, revisionNumber: revision.number, report, notified, event: { essayId, eventId: event.id } };
    },
    { timeout: 60_000 },
  );
  const { event, ...result } = revised;
  await announceDiscussionEvent(event);
  return result;
}
