import "server-only";
import { assertRole, hasRole, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordModerationAction } from "@/lib/moderation/audit";
import { controlSnapshot, passageControlSelect } from "./place-passage-control";

/**
 * Removes a passage control, audited with what it was. Editors may remove
 * the ones that only turn public highlights off; a control that locks,
 * slows, pre-moderates or closes a passage (an automatic one included) is
 * the moderators' to remove.
 */
export async function removePassageControl(actor: Viewer | null, controlId: string): Promise<void> {
  assertRole(actor, "EDITOR");
  await db.$transaction(async (tx) => {
    const control = await tx.passageControl.findUnique({ where: { id: controlId }, select: { ...passageControlSelect, essayId: true } });
    if (!control) throw new AppError("NOT_FOUND", "That passage control does not exist.");
    const moderated = control.locked || control.slowModeSeconds > 0 || control.preModerate || control.highlightsClosed;
    if (moderated && !hasRole(actor, "MODERATOR")) throw new AppError("FORBIDDEN", "Only moderators can lift a lock, slow mode, review or closed highlights on a passage.");
    await tx.passageControl.delete({ where: { id: controlId } });
    const { essayId, ...view } = control;
    await recordModerationAction(tx, actor, { action: "remove-passage-control", targetType: "essay", targetId: essayId, before: controlSnapshot(view) });
  });
}
