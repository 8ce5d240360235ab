import "server-only";
import { assertRole, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { recordModerationAction } from "./audit";

/**
 * Sets the automatic slow mode (admins): the heat score above which a
 * thread or passage is slowed (null: off, the default) and to how many
 * seconds between one reader's comments. Audited.
 */
export async function setAutoSlow(actor: Viewer | null, settings: { threshold: number | null; seconds: number }, reason: string | null): Promise<void> {
  assertRole(actor, "ADMIN");
  await db.$transaction(async (tx) => {
    const select = { autoSlowHeatThreshold: true, autoSlowSeconds: true } as const;
    const before = await tx.moderationSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {}, select });
    const after = await tx.moderationSettings.update({ where: { id: 1 }, data: { autoSlowHeatThreshold: settings.threshold, autoSlowSeconds: settings.seconds }, select });
    await recordModerationAction(tx, actor, { action: "auto-slow-settings", targetType: "settings", targetId: "site", reason, before, after });
  });
}
