import "server-only";
import { assertRole, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordModerationAction } from "./audit";
import { MODERATION_PERMISSIONS, type ModerationActionInput } from "./actions";

type EssaySettings = Omit<Extract<ModerationActionInput, { action: "essay-settings" }>, "action" | "essayId" | "reason">;
type SiteSettings = Omit<Extract<ModerationActionInput, { action: "site-settings" }>, "action" | "reason">;

/** The site-wide moderation settings, with their defaults before anyone has saved them. */
export async function siteSettings() {
  return db.moderationSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
}

/** Changes an essay's discussion settings: comments open or closed, pre-moderation, slow mode. */
export async function updateEssaySettings(actor: Viewer | null, essayId: string, changes: EssaySettings, reason: string | null = null): Promise<void> {
  assertRole(actor, MODERATION_PERMISSIONS["essay-settings"]);
  await db.$transaction(async (tx) => {
    const select = { commentsOpen: true, preModeration: true, preModerationThreshold: true, slowModeSeconds: true } as const;
    const before = await tx.essay.findUnique({ where: { id: essayId }, select });
    if (!before) throw new AppError("NOT_FOUND", "That essay does not exist.");
    const after = await tx.essay.update({ where: { id: essayId }, data: changes, select });
    await recordModerationAction(tx, actor, { action: "essay-settings", targetType: "essay", targetId: essayId, reason, before, after });
  });
}

/** Changes the word lists and thresholds every comment is judged by (admins). */
export async function updateSiteSettings(actor: Viewer | null, changes: SiteSettings, reason: string | null = null): Promise<void> {
  assertRole(actor, MODERATION_PERMISSIONS["site-settings"]);
  await db.$transaction(async (tx) => {
    const select = {
      bannedWords: true,
      suspectWords: true,
      linkMinAccountAgeHours: true,
      reportHideThreshold: true,
      requireVerifiedEmail: true,
      cannedHideReasons: true,
      cannedSanctionReasons: true,
    } as const;
    const audited = { ...select, exactMatchWords: true, trustRules: true } as const;
    const before = await tx.moderationSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {}, select: audited });
    const after = await tx.moderationSettings.update({ where: { id: 1 }, data: changes, select: audited });
    await recordModerationAction(tx, actor, { action: "site-settings", targetType: "settings", targetId: "site", reason, before, after });
  });
}
