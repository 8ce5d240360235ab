import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { highlightsToReanchor } from "@/lib/highlights/reanchor-highlights";
import { planReanchor } from "@/lib/highlights/plan-reanchor";
import type { EssayDraft } from "./editor-schemas";
import { prepareRevision } from "./insert-revision";
import { reportPlan, threadCounts, type ReanchorReport } from "./passage-report";
import { previewEssayImport, previewedEssay, type ImportPreview } from "./preview-essay-import";

/** What publishing a draft as the essay's next revision would do, and the draft itself. */
export interface RevisionDryRun {
  preview: ImportPreview;
  /** True when the draft is identical to the current revision: publishing it would add nothing. */
  unchanged: boolean;
  report: ReanchorReport;
}

/**
 * Re-anchors every highlight of an essay onto a draft revision without
 * writing anything, with the same plan publishing uses (plan-reanchor.ts),
 * and reports how many highlights and threads stay, move, change or become
 * orphans, listing each affected passage.
 */
export async function dryRunRevision(essayId: string, draft: EssayDraft): Promise<RevisionDryRun> {
  const preview = await previewEssayImport(draft);
  const prepared = prepareRevision(previewedEssay(preview));
  const essay = await db.essay.findUnique({ where: { id: essayId }, select: { currentRevision: { select: { contentHash: true } } } });
  if (!essay) throw new AppError("NOT_FOUND", "That essay does not exist.");
  const highlights = await highlightsToReanchor(db, essayId, null);
  const plan = await planReanchor(highlights, prepared.text);
  const report = reportPlan(
    plan,
    new Map(highlights.map((highlight) => [highlight.id, highlight.visibility])),
    await threadCounts(
      db,
      highlights.map((highlight) => highlight.id),
    ),
  );
  return { preview, unchanged: essay.currentRevision?.contentHash === prepared.hash, report };
}
