import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordModerationAction } from "@/lib/moderation/audit";

/**
 * Unpublishes an essay (readers get a 404; its highlights and discussions
 * are kept, and come back with it) or publishes it again. Audited either way.
 */
export async function setEssayPublished(editor: Viewer, essayId: string, published: boolean, reason: string | null): Promise<{ slug: string; published: boolean }> {
  return db.$transaction(async (tx) => {
    const essay = await tx.essay.findUnique({ where: { id: essayId }, select: { slug: true, unpublishedAt: true } });
    if (!essay) throw new AppError("NOT_FOUND", "That essay does not exist.");
    if ((essay.unpublishedAt === null) === published) throw new AppError("CONFLICT", published ? "That essay is already published." : "That essay is already unpublished.");
    await tx.essay.update({ where: { id: essayId }, data: { unpublishedAt: published ? null : new Date() } });
    await recordModerationAction(tx, editor, {
      action: published ? "republish-essay" : "unpublish-essay",
      targetType: "essay",
      targetId: essayId,
      reason,
      before: { published: !published },
      after: { published, slug: essay.slug },
    });
    return { slug: essay.slug, published };
  });
}
