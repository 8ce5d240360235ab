import "server-only";
import { assertRole, type Viewer } from "@/lib/auth/viewer";
import { DELETED_ACCOUNT_NAME } from "@/lib/auth/account-constants";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { markdownExcerpt } from "@/lib/markdown/render";
import { loadTrustLevels } from "./load-trust";
import { TRUST_LEVEL_NAMES } from "./trust";

/** Recent items of each list a reader's page shows. */
const RECENT = 20;

/** Where a report or comment is: its permalink or the highlight's anchor on the essay. */
interface ItemLink {
  kind: "comment" | "note";
  href: string;
  excerpt: string;
}

/** One report, against the reader or by them, and what came of it. */
export interface ReportLine {
  reason: string;
  details: string | null;
  status: "OPEN" | "ACTIONED" | "DISMISSED" | "WITHDRAWN";
  /** The other party: the reporter of a report against them, the author of what they reported. */
  other: string;
  at: string;
  item: ItemLink | null;
}

/** Everything a moderator looks at to judge one reader (`/moderation/users/<handle>`, and the author card on the essay page). */
export interface UserRecord {
  id: string;
  handle: string;
  name: string;
  email: string | null;
  role: string;
  standing: string;
  suspendedUntil: string | null;
  joinedAt: string;
  deleted: boolean;
  comments: { published: number; held: number; hidden: number; deleted: number };
  publicHighlights: number;
  recentComments: { id: number; status: "PUBLISHED" | "HELD" | "HIDDEN"; deleted: boolean; excerpt: string; href: string; at: string }[];
  sanctions: { kind: string; reason: string; at: string; endsAt: string | null; issuer: string | null; liftedAt: string | null; lifter: string | null }[];
  reportsAgainst: { open: number; upheld: number; total: number; recent: ReportLine[] };
  reportsBy: { open: number; upheld: number; total: number; recent: ReportLine[] };
  /** The reader's trust level under the site's current rules (lib/moderation/trust.ts); null only if it could not be computed. */
  trust: { level: number; label: string } | null;
  notes: { id: string; author: string | null; body: string; at: string }[];
}

const handleOf = (user: { handle: string; deletedAt: Date | null } | null) => (user ? (user.deletedAt ? DELETED_ACCOUNT_NAME : `@${user.handle}`) : DELETED_ACCOUNT_NAME);

const reportSelect = {
  reason: true,
  details: true,
  status: true,
  createdAt: true,
  reporter: { select: { handle: true, deletedAt: true } },
  comment: { select: { id: true, body: true, essay: { select: { slug: true } }, author: { select: { handle: true, deletedAt: true } } } },
  highlight: { select: { id: true, note: true, essay: { select: { slug: true } }, author: { select: { handle: true, deletedAt: true } } } },
} satisfies Prisma.ReportSelect;

type ReportRow = Prisma.ReportGetPayload<{ select: typeof reportSelect }>;

function itemOf(report: ReportRow): ItemLink | null {
  if (report.comment) return { kind: "comment", href: `/essays/${report.comment.essay.slug}/comments/${report.comment.id}`, excerpt: markdownExcerpt(report.comment.body) };
  if (report.highlight) return { kind: "note", href: `/essays/${report.highlight.essay.slug}#hl-${report.highlight.id}`, excerpt: (report.highlight.note ?? "").slice(0, 140) };
  return null;
}

const reportLine = (report: ReportRow, other: string): ReportLine => ({
  reason: report.reason,
  details: report.details,
  status: report.status,
  other,
  at: report.createdAt.toISOString(),
  item: itemOf(report),
});

async function reportCounts(where: Prisma.ReportWhereInput) {
  const rows = await db.report.groupBy({ by: ["status"], where, _count: { _all: true } });
  const count = (status: string) => rows.find((row) => row.status === status)?._count._all ?? 0;
  return { open: count("OPEN"), upheld: count("ACTIONED"), total: rows.filter((row) => row.status !== "WITHDRAWN").reduce((sum, row) => sum + row._count._all, 0) };
}

/**
 * One reader's record for moderators and admins: history, sanctions with
 * who issued and lifted them, reports against and by them with outcomes,
 * and the moderators' private notes. NOT_FOUND for a handle nobody has.
 */
export async function readUserRecord(actor: Viewer | null, handle: string): Promise<UserRecord> {
  assertRole(actor, "MODERATOR");
  const user = await db.user.findUnique({
    where: { handle: handle.replace(/^@/, "").toLowerCase() },
    select: { id: true, handle: true, name: true, email: true, role: true, standing: true, suspendedUntil: true, createdAt: true, deletedAt: true },
  });
  if (!user) throw new AppError("NOT_FOUND", "No reader has that handle.");
  const against: Prisma.ReportWhereInput = { OR: [{ comment: { authorId: user.id } }, { highlight: { authorId: user.id } }] };
  const [statuses, deletedComments, publicHighlights, recentComments, sanctions, againstCounts, againstRecent, byCounts, byRecent, notes, trust] = await Promise.all([
    db.comment.groupBy({ by: ["status"], where: { authorId: user.id, deletedAt: null }, _count: { _all: true } }),
    db.comment.count({ where: { authorId: user.id, deletedAt: { not: null } } }),
    db.highlight.count({ where: { authorId: user.id, visibility: "PUBLIC", deletedAt: null } }),
    db.comment.findMany({
      where: { authorId: user.id },
      orderBy: { createdAt: "desc" },
      take: RECENT,
      select: { id: true, status: true, deletedAt: true, body: true, createdAt: true, essay: { select: { slug: true } } },
    }),
    db.sanction.findMany({
      where: { userId: user.id },
      orderBy: { createdAt: "desc" },
      select: {
        kind: true,
        reason: true,
        createdAt: true,
        endsAt: true,
        liftedAt: true,
        issuedBy: { select: { handle: true, deletedAt: true } },
        liftedBy: { select: { handle: true, deletedAt: true } },
      },
    }),
    reportCounts(against),
    db.report.findMany({ where: against, orderBy: { createdAt: "desc" }, take: RECENT, select: reportSelect }),
    reportCounts({ reporterId: user.id }),
    db.report.findMany({ where: { reporterId: user.id }, orderBy: { createdAt: "desc" }, take: RECENT, select: reportSelect }),
    db.moderatorNote.findMany({
      where: { subjectId: user.id },
      orderBy: { createdAt: "desc" },
      select: { id: true, body: true, createdAt: true, author: { select: { handle: true, deletedAt: true } } },
    }),
    loadTrustLevels([user.id]),
  ]);
  const level = trust.get(user.id)?.level;
  const status = (name: string) => statuses.find((row) => row.status === name)?._count._all ?? 0;
  return {
    id: user.id,
    handle: user.handle,
    name: user.deletedAt ? DELETED_ACCOUNT_NAME : user.name,
    email: user.email,
    role: user.role,
    standing: user.standing,
    suspendedUntil: user.suspendedUntil?.toISOString() ?? null,
    joinedAt: user.createdAt.toISOString(),
    deleted: user.deletedAt !== null,
    comments: { published: status("PUBLISHED"), held: status("HELD"), hidden: status("HIDDEN"), deleted: deletedComments },
    publicHighlights,
    recentComments: recentComments.map((comment) => ({
      id: comment.id,
      status: comment.status,
      deleted: comment.deletedAt !== null,
      excerpt: markdownExcerpt(comment.body),
      href: `/essays/${comment.essay.slug}/comments/${comment.id}`,
      at: comment.createdAt.toISOString(),
    })),
    sanctions: sanctions.map((sanction) => ({
      kind: sanction.kind,
      reason: sanction.reason,
      at: sanction.createdAt.toISOString(),
      endsAt: sanction.endsAt?.toISOString() ?? null,
      issuer: sanction.issuedBy ? handleOf(sanction.issuedBy) : null,
      liftedAt: sanction.liftedAt?.toISOString() ?? null,
      lifter: sanction.liftedBy ? handleOf(sanction.liftedBy) : null,
    })),
    reportsAgainst: { ...againstCounts, recent: againstRecent.map((report) => reportLine(report, handleOf(report.reporter))) },
    reportsBy: { ...byCounts, recent: byRecent.map((report) => reportLine(report, handleOf(report.comment?.author ?? report.highlight?.author ?? null))) },
    trust: level === undefined ? null : { level, label: TRUST_LEVEL_NAMES[level] },
    notes: notes.map((note) => ({ id: note.id, author: note.author ? handleOf(note.author) : null, body: note.body, at: note.createdAt.toISOString() })),
  };
}
