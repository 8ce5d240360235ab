import "server-only";
import { describe } from "@/lib/anchoring";
import type { Prisma } from "@/lib/generated/prisma/client";
import { planReanchor } from "@/lib/highlights/plan-reanchor";
import { recordModerationAction } from "@/lib/moderation/audit";
import { controlSnapshot, passageControlSelect } from "./place-passage-control";

/**
 * Moves an essay's passage controls onto a newly published revision, inside
 * the revision's transaction, with the same anchoring as its highlights
 * (planReanchor): a control follows its words, and when they changed it
 * covers the words now in their place (its quote is taken afresh, so the
 * next revision follows these). A control whose words are gone is dropped,
 * and the drop audited as "system" with what it was: kept, it would apply to
 * nothing and still be listed as if it did, and a moderator who wants the
 * new words controlled selects them again. Answers how many moved and how
 * many were dropped.
 */
export async function reanchorPassageControls(tx: Prisma.TransactionClient, essayId: string, revision: { id: string; text: string }): Promise<{ moved: number; dropped: number }> {
  const controls = await tx.passageControl.findMany({ where: { essayId, revisionId: { not: revision.id } }, select: { ...passageControlSelect, prefix: true, suffix: true, revisionId: true } });
  if (!controls.length) return { moved: 0, dropped: 0 };
  const texts = new Map(
    (await tx.essayRevision.findMany({ where: { id: { in: [...new Set(controls.map((control) => control.revisionId))] } }, select: { id: true, text: true } })).map((row) => [row.id, row.text]),
  );
  const plan = await planReanchor(
    controls.map((control) => ({ ...control, orphaned: false, placedOn: texts.get(control.revisionId) ?? "" })),
    revision.text,
  );
  let dropped = 0;
  for (const outcome of plan) {
    const control = controls.find((candidate) => candidate.id === outcome.id)!;
    if (outcome.kind === "orphaned") {
      dropped += 1;
      await tx.passageControl.delete({ where: { id: control.id } });
      const { prefix: _prefix, suffix: _suffix, revisionId: _revision, ...view } = control;
      await recordModerationAction(tx, "system", {
        action: "drop-passage-control",
        targetType: "essay",
        targetId: essayId,
        reason: "A new revision removed the passage's words.",
        before: controlSnapshot(view),
      });
      continue;
    }
    const { quote } = describe(revision.text, outcome.start, outcome.end);
    await tx.passageControl.update({
      where: { id: control.id },
      data: { revisionId: revision.id, start: outcome.start, end: outcome.end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
    });
  }
  return { moved: plan.length - dropped, dropped };
}
