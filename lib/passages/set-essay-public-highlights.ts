import "server-only";
import { assertRole, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordModerationAction } from "@/lib/moderation/audit";

/**
 * An essay's editors turn readers' public highlights off (or on again) for
 * the whole essay. Private highlights stay possible, and public highlights
 * made before stay public (see close-passage-to-public-highlights.ts).
 * Audited.
 */
export async function setEssayPublicHighlights(actor: Viewer | null, essayId: string, open: boolean, reason: string | null): Promise<boolean> {
  assertRole(actor, "EDITOR");
  return db.$transaction(async (tx) => {
    const before = await tx.essay.findUnique({ where: { id: essayId }, select: { publicHighlightsOpen: true } });
    if (!before) throw new AppError("NOT_FOUND", "That essay does not exist.");
    if (before.publicHighlightsOpen !== open) await tx.essay.update({ where: { id: essayId }, data: { publicHighlightsOpen: open } });
    await recordModerationAction(tx, actor, { action: "essay-public-highlights", targetType: "essay", targetId: essayId, reason, before, after: { publicHighlightsOpen: open } });
    return open;
  });
}
