import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { describe } from "@/lib/anchoring";
import { db } from "@/lib/db/client";
import { revisionLock } from "@/lib/essays/revision-lock";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordModerationAction } from "@/lib/moderation/audit";
import type { ClosePassageToPublicHighlightsInput } from "./schemas";
import type { PassageControlView } from "./view";

/** The columns of a control that its view shows. */
export const passageControlSelect = {
  id: true,
  start: true,
  end: true,
  exact: true,
  locked: true,
  slowModeSeconds: true,
  preModerate: true,
  highlightsClosed: true,
  publicHighlightsOff: true,
  reason: true,
  automatic: true,
} satisfies Prisma.PassageControlSelect;

/** What the audit log records of a control (its words cut short). */
export function controlSnapshot(control: PassageControlView): Prisma.InputJsonObject {
  return { ...control, exact: control.exact.slice(0, 200) };
}

/**
 * Places a person's control on a passage of the essay's current revision,
 * checked as a new highlight is (lib/highlights/create-highlight.ts): the
 * passage is on the current revision (under the revision lock, so a
 * revision being published re-anchors it rather than leaving it behind) and
 * its words are the revision's at those offsets. A person's control already
 * on exactly this passage is changed instead of doubled; the automatic slow
 * mode's stay its own. Audited with the state before and after.
 */
export async function placePassageControl(
  actor: Viewer,
  essayId: string,
  passage: ClosePassageToPublicHighlightsInput,
  fields: Pick<Prisma.PassageControlUncheckedCreateInput, "locked" | "slowModeSeconds" | "preModerate" | "highlightsClosed" | "publicHighlightsOff" | "reason">,
  action: string,
): Promise<PassageControlView> {
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT ${revisionLock(essayId, "shared")}`;
    const essay = await tx.essay.findFirst({ where: { id: essayId }, select: { currentRevision: { select: { id: true, text: true } } } });
    const revision = essay?.currentRevision;
    if (!revision) throw new AppError("NOT_FOUND", "That essay does not exist.");
    if (passage.revisionId !== revision.id) {
      throw new AppError("VALIDATION", "The essay has been revised since this page was loaded. Reload the page and select the passage again.", {
        fieldErrors: { revisionId: ["This is not the essay's current revision."] },
      });
    }
    if (passage.end > revision.text.length || revision.text.slice(passage.start, passage.end) !== passage.exact) {
      throw new AppError("VALIDATION", "The selected words do not match the essay at that position. Reload the page and try again.", {
        fieldErrors: { exact: ["These words are not in the essay at the given position."] },
      });
    }
    const existing = await tx.passageControl.findFirst({
      where: { essayId, revisionId: revision.id, start: passage.start, end: passage.end, automatic: false },
      select: passageControlSelect,
    });
    const { quote } = describe(revision.text, passage.start, passage.end);
    const control = existing
      ? await tx.passageControl.update({ where: { id: existing.id }, data: { ...fields, createdById: actor.id }, select: passageControlSelect })
      : await tx.passageControl.create({
          data: { essayId, revisionId: revision.id, start: passage.start, end: passage.end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, ...fields, createdById: actor.id },
          select: passageControlSelect,
        });
    await recordModerationAction(tx, actor, {
      action,
      targetType: "essay",
      targetId: essayId,
      reason: passage.reason || null,
      before: existing ? controlSnapshot(existing) : null,
      after: controlSnapshot(control),
    });
    return control;
  });
}
