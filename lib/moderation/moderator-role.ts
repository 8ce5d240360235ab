import "server-only";
import { assertRole, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordModerationAction } from "./audit";
import { notifyAuthor } from "./notify";
import { MODERATION_PERMISSIONS } from "./actions";

/** Grants or revokes the moderator role (admins only); admins themselves are changed from the command line. */
export async function setModerator(actor: Viewer | null, handle: string, moderator: boolean, reason: string | null = null): Promise<void> {
  assertRole(actor, MODERATION_PERMISSIONS[moderator ? "grant-moderator" : "revoke-moderator"]);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { handle: handle.replace(/^@/, "").toLowerCase() }, select: { id: true, role: true, deletedAt: true } });
    if (!user || user.deletedAt) throw new AppError("NOT_FOUND", `There is no reader @${handle.replace(/^@/, "")}.`);
    if (user.role === "ADMIN") throw new AppError("FORBIDDEN", "That account is an admin; change admins with `npm run user:create`.");
    const role = moderator ? "MODERATOR" : "READER";
    if (user.role === role) throw new AppError("CONFLICT", moderator ? "That reader is already a moderator." : "That reader is not a moderator.");
    await tx.user.update({ where: { id: user.id }, data: { role } });
    await recordModerationAction(tx, actor, {
      action: moderator ? "grant-moderator" : "revoke-moderator",
      targetType: "user",
      targetId: user.id,
      reason,
      before: { role: user.role },
      after: { role },
    });
    await notifyAuthor(tx, user.id, moderator ? "You are now a moderator: the review queue is at /moderation." : "You are no longer a moderator.");
  });
}
