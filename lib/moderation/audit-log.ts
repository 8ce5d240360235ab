import "server-only";
import { assertRole, type Viewer } from "@/lib/auth/viewer";
import { DELETED_ACCOUNT_NAME } from "@/lib/auth/account-constants";
import { db } from "@/lib/db/client";
import { queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { toActionEntries, type ActionEntry } from "./queue";
import type { AuditQuery } from "./schemas";

/** Entries per page of the audit log. */
export const AUDIT_PAGE = 100;

/** Who or what an entry names, as the log shows it: a label and, when it still exists, where it is. */
export interface AuditLink {
  label: string;
  href: string | null;
}

/** An audit log row with its actor and target resolved to @handles and links. */
export interface AuditRow extends ActionEntry {
  actorLink: AuditLink;
  targetLink: AuditLink;
}

interface Resolved {
  kind: "user" | "comment" | "highlight" | "essay";
  id: string;
  handle: string | null;
  slug: string | null;
  title: string | null;
  gone: boolean;
}

const userLink = (user: Resolved | undefined): AuditLink | null =>
  !user ? null : user.gone ? { label: DELETED_ACCOUNT_NAME, href: null } : { label: `@${user.handle}`, href: `/moderation/users/${user.handle}` };

/**
 * Resolves the users, comments, notes and essays a page of entries names,
 * in one query whatever the page's length (a query per row made a
 * 100-row page 100 round trips). Ids are plain text in the log, so an id
 * that no longer names anything keeps its raw form.
 */
async function resolveLinks(entries: (ActionEntry & { actorId: string })[]): Promise<AuditRow[]> {
  const ids = (type: string) => [...new Set(entries.filter((entry) => entry.targetType === type).map((entry) => entry.targetId))];
  const users = [...new Set([...entries.map((entry) => entry.actorId).filter((id) => id !== "system"), ...ids("user")])];
  const comments = ids("comment")
    .filter((id) => /^\d{1,9}$/.test(id))
    .map(Number);
  const highlights = [...ids("note"), ...ids("highlight")];
  const essays = ids("essay");
  const rows =
    users.length + comments.length + highlights.length + essays.length === 0
      ? []
      : await queryRows<Resolved>(Prisma.sql`
          SELECT 'user' AS kind, u.id, u.handle, NULL AS slug, NULL AS title, u."deletedAt" IS NOT NULL AS gone FROM "User" u WHERE u.id = ANY(${users}::text[])
          UNION ALL
          SELECT 'comment', c.id::text, NULL, e.slug, NULL, false FROM "Comment" c JOIN "Essay" e ON e.id = c."essayId" WHERE c.id = ANY(${comments}::int[])
          UNION ALL
          SELECT 'highlight', h.id, NULL, e.slug, NULL, false FROM "Highlight" h JOIN "Essay" e ON e.id = h."essayId" WHERE h.id = ANY(${highlights}::text[])
          UNION ALL
          SELECT 'essay', e.id, NULL, e.slug, r.title, false FROM "Essay" e LEFT JOIN "EssayRevision" r ON r.id = e."currentRevisionId" WHERE e.id = ANY(${essays}::text[])`);
  const found = new Map(rows.map((row) => [`${row.kind}:${row.id}`, row]));
  const target = (entry: ActionEntry): AuditLink | null => {
    switch (entry.targetType) {
      case "user":
        return userLink(found.get(`user:${entry.targetId}`));
      case "comment": {
        const comment = found.get(`comment:${entry.targetId}`);
        return comment ? { label: `comment #${entry.targetId}`, href: `/essays/${comment.slug}/comments/${entry.targetId}` } : null;
      }
      case "note":
      case "highlight": {
        const highlight = found.get(`highlight:${entry.targetId}`);
        return highlight ? { label: entry.targetType === "note" ? "note on a highlight" : "highlight", href: `/essays/${highlight.slug}#hl-${entry.targetId}` } : null;
      }
      case "essay": {
        const essay = found.get(`essay:${entry.targetId}`);
        return essay ? { label: essay.title ?? essay.slug!, href: `/essays/${essay.slug}` } : null;
      }
      case "settings":
        return { label: "site rules", href: "/moderation/settings" };
      default:
        return null;
    }
  };
  return entries.map(({ actorId, ...entry }) => ({
    ...entry,
    actorLink: actorId === "system" ? { label: "system", href: null } : (userLink(found.get(`user:${actorId}`)) ?? { label: `@${entry.actor}`, href: null }),
    targetLink: target(entry) ?? { label: `${entry.targetType} ${entry.targetId}`, href: null },
  }));
}

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
  const entries = toActionEntries(rows).map((entry, index) => ({ ...entry, actorId: rows[index]!.actorId }));
  return { entries: await resolveLinks(entries), nextBefore: rows.length === AUDIT_PAGE ? rows[rows.length - 1]!.id : null };
}
