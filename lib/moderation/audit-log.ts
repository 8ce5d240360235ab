import "server-only";
import { assertRole, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { withAuditLinks, type AuditRow } from "./audit-links";
import type { AuditQuery } from "./schemas";

/** Entries per page of the audit log. */
export const AUDIT_PAGE = 100;

/** The audit log, newest first, filtered (admins only); `before` pages back by id. Actors and targets come resolved to @handles and links. */
export async function browseAuditLog(actor: Viewer | null, query: AuditQuery): Promise<{ entries: AuditRow[]; nextBefore: number | null }> {
  assertRole(actor, "ADMIN");
  const where: Prisma.ModerationActionWhereInput = {
    ...(query.actor ? { actorHandle: query.actor.replace(/^@/, "").toLowerCase() } : {}),
    ...(query.action ? { action: query.action } : {}),
    ...(query.targetType ? { targetType: query.targetType } : {}),
    ...(query.targetId ? { targetId: query.targetId } : {}),
    ...(query.before ? { id: { lt: query.before } } : {}),
  };
  const rows = await db.moderationAction.findMany({ where, orderBy: { id: "desc" }, take: AUDIT_PAGE });
  return { entries: await withAuditLinks(rows), nextBefore: rows.length === AUDIT_PAGE ? rows[rows.length - 1]!.id : null };
}
