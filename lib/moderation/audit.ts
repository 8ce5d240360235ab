import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Who acted: a moderator or admin, or Glossa itself (hiding after reports). */
export type AuditActor = Pick<Viewer, "id" | "handle"> | "system";

/** One entry of the audit log. */
export interface AuditEntry {
  action: string;
  targetType: "comment" | "note" | "highlight" | "user" | "essay" | "settings";
  targetId: string;
  reason?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
}

/**
 * Appends to the moderation audit log inside the action's own transaction,
 * so an action and its record commit together or not at all. The table is
 * append-only: a trigger refuses UPDATE, DELETE and TRUNCATE.
 */
export async function recordModerationAction(tx: Prisma.TransactionClient, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.moderationAction.create({
    data: {
      actorId: actor === "system" ? "system" : actor.id,
      actorHandle: actor === "system" ? "system" : actor.handle,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      reason: entry.reason ?? null,
      before: entry.before ?? undefined,
      after: entry.after ?? undefined,
    },
  });
}
