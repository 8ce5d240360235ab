import "server-only";
import { assertRole, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { recordModerationAction } from "./audit";
import { notifyAuthor } from "./notify";
import { MODERATION_PERMISSIONS } from "./actions";

/** The roles admins grant from the site; admins themselves are made from the command line. */
export type StaffRole = "EDITOR" | "MODERATOR";

const ROLE_WORDS: Record<StaffRole, { noun: string; granted: string; action: "moderator" | "editor" }> = {
  MODERATOR: { noun: "moderator", granted: "You are now a moderator: the review queue is at /moderation.", action: "moderator" },
  EDITOR: { noun: "editor", granted: "You are now an editor: publish and revise essays at /editor.", action: "editor" },
};

/**
 * Grants or revokes a staff role (admins only). Revoking leaves the account
 * a reader; granting replaces whatever staff role it had, so an editor made
 * a moderator keeps editing (the roles are ranked: reader < editor <
 * moderator < admin).
 */
export async function setStaffRole(actor: Viewer | null, handle: string, role: StaffRole, granted: boolean, reason: string | null = null): Promise<void> {
  const words = ROLE_WORDS[role];
  const action = `${granted ? "grant" : "revoke"}-${words.action}` as const;
  assertRole(actor, MODERATION_PERMISSIONS[action]);
  await db.$transaction(async (tx) => {
    const bare = handle.replace(/^@/, "");
    const user = await tx.user.findUnique({ where: { handle: bare.toLowerCase() }, select: { id: true, role: true, deletedAt: true } });
    if (!user || user.deletedAt) throw new AppError("NOT_FOUND", `There is no reader @${bare}.`);
    if (user.role === "ADMIN") throw new AppError("FORBIDDEN", "That account is an admin; change admins with `npm run user:create`.");
    if (granted && user.role === role) throw new AppError("CONFLICT", `That reader is already ${role === "EDITOR" ? "an" : "a"} ${words.noun}.`);
    if (!granted && user.role !== role) throw new AppError("CONFLICT", `That reader is not ${role === "EDITOR" ? "an" : "a"} ${words.noun}.`);
    const next = granted ? role : "READER";
    await tx.user.update({ where: { id: user.id }, data: { role: next } });
    await recordModerationAction(tx, actor, { action, targetType: "user", targetId: user.id, reason, before: { role: user.role }, after: { role: next } });
    await notifyAuthor(tx, user.id, granted ? words.granted : `You are no longer ${role === "EDITOR" ? "an" : "a"} ${words.noun}.`);
  });
}
