import "server-only";
import { DELETED_ACCOUNT_NAME } from "@/lib/auth/account-constants";
import { queryRows } from "@/lib/db/sql";
import { Prisma, type ModerationAction } from "@/lib/generated/prisma/client";

/** Who or what an entry names, as the log shows it: a label and, when it still exists, where it is. */
export interface AuditLink {
  label: string;
  href: string | null;
}

/** A row of the audit log (and of the queue's "Recently actioned" tab), its actor and target resolved to @handles and links. */
export interface AuditRow {
  id: number;
  /** The handle the actor had when they acted ("system" for Glossa itself). */
  actor: string;
  action: string;
  targetType: string;
  targetId: string;
  reason: string | null;
  before: unknown;
  after: unknown;
  at: string;
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
export async function withAuditLinks(rows: ModerationAction[]): Promise<AuditRow[]> {
  const ids = (type: string) => [...new Set(rows.filter((row) => row.targetType === type).map((row) => row.targetId))];
  const users = [...new Set([...rows.map((row) => row.actorId).filter((id) => id !== "system"), ...ids("user")])];
  const comments = ids("comment")
    .filter((id) => /^\d{1,9}$/.test(id))
    .map(Number);
  const highlights = [...ids("note"), ...ids("highlight")];
  const essays = ids("essay");
  const resolved =
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
  const found = new Map(resolved.map((row) => [`${row.kind}:${row.id}`, row]));
  const target = (entry: Pick<ModerationAction, "targetType" | "targetId">): AuditLink | null => {
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
  return rows.map((row) => ({
    id: row.id,
    actor: row.actorHandle,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    reason: row.reason,
    before: row.before,
    after: row.after,
    at: row.createdAt.toISOString(),
    actorLink: row.actorId === "system" ? { label: "system", href: null } : (userLink(found.get(`user:${row.actorId}`)) ?? { label: `@${row.actorHandle}`, href: null }),
    targetLink: target(row) ?? { label: `${row.targetType} ${row.targetId}`, href: null },
  }));
}
