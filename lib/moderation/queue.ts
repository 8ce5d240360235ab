import "server-only";
import { assertRole, type Viewer } from "@/lib/auth/viewer";
import { DELETED_ACCOUNT_NAME } from "@/lib/auth/account-constants";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { markdownExcerpt } from "@/lib/markdown/render";
import { prioritiseCards } from "./load-queue-priority";
import { withAuditLinks, type AuditRow } from "./audit-links";
import { PUBLIC_NOTE } from "./public-notes";
import type { Priority } from "./queue-priority";
import type { QueueTab } from "./schemas";

/** Items per tab; the queue is worked from the top. */
export const QUEUE_PAGE = 50;

/** What a moderator needs to know about an author to judge their comment. */
export interface AuthorRecord {
  id: string;
  handle: string;
  name: string;
  role: string;
  standing: string;
  suspendedUntil: string | null;
  joinedAt: string;
  publishedComments: number;
  hiddenComments: number;
  sanctions: { kind: string; reason: string; at: string; endsAt: string | null; lifted: boolean }[];
}

/** One item in the review queue: a comment or a highlight's note, with everything needed to decide. */
export interface QueueCard {
  key: string;
  kind: "comment" | "note";
  commentId: number | null;
  highlightId: string | null;
  essay: { id: string; slug: string; title: string };
  /** Sanitised HTML of a comment (moderators see hidden and held text too), or a note's plain text. */
  html: string | null;
  note: string | null;
  status: "PUBLISHED" | "HELD" | "HIDDEN";
  hiddenReason: string | null;
  holdReasons: string[];
  deleted: boolean;
  pinned: boolean;
  threadLocked: boolean;
  /** Seconds between one reader's comments in the comment's thread (0: off). */
  threadSlowSeconds: number;
  createdAt: string;
  passage: string | null;
  parent: { author: string; excerpt: string } | null;
  replies: { author: string; excerpt: string }[];
  replyCount: number;
  author: AuthorRecord | null;
  reports: { open: number; byReason: { reason: string; count: number }[]; list: { reason: string; details: string | null; reporter: string; at: string }[] };
  /** In the Reported tab: how urgent the item is, and why in a few words (./queue-priority.ts). */
  priority?: Priority;
  history: { body: string; at: string }[];
}

const authorSelect = {
  id: true,
  handle: true,
  name: true,
  role: true,
  standing: true,
  suspendedUntil: true,
  createdAt: true,
  deletedAt: true,
  sanctions: { orderBy: { createdAt: "desc" }, take: 5, select: { kind: true, reason: true, createdAt: true, endsAt: true, liftedAt: true } },
} satisfies Prisma.UserSelect;

const openReports = {
  where: { status: "OPEN" },
  orderBy: { createdAt: "asc" },
  select: { reason: true, details: true, createdAt: true, reporter: { select: { handle: true } } },
} satisfies Prisma.Comment$reportsArgs;

const commentCardSelect = {
  id: true,
  body: true,
  bodyHtml: true,
  status: true,
  hiddenReason: true,
  holdReasons: true,
  deletedAt: true,
  pinnedAt: true,
  createdAt: true,
  rootId: true,
  essay: { select: { id: true, slug: true, currentRevision: { select: { title: true } } } },
  highlight: { select: { exact: true, visibility: true } },
  parent: { select: { body: true, author: { select: { name: true } } } },
  replies: { orderBy: { createdAt: "asc" }, take: 3, select: { body: true, author: { select: { name: true } } } },
  _count: { select: { replies: true } },
  author: { select: authorSelect },
  reports: openReports,
  revisions: { orderBy: { createdAt: "desc" }, take: 10, select: { body: true, createdAt: true } },
} satisfies Prisma.CommentSelect;

type CommentCardRow = Prisma.CommentGetPayload<{ select: typeof commentCardSelect }>;
type AuthorRow = Prisma.UserGetPayload<{ select: typeof authorSelect }>;

function summariseReports(reports: { reason: string; details: string | null; createdAt: Date; reporter: { handle: string } }[]): QueueCard["reports"] {
  const counts = new Map<string, number>();
  for (const report of reports) counts.set(report.reason, (counts.get(report.reason) ?? 0) + 1);
  return {
    open: reports.length,
    byReason: [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count),
    list: reports.map((report) => ({ reason: report.reason, details: report.details, reporter: report.reporter.handle, at: report.createdAt.toISOString() })),
  };
}

async function authorRecords(authors: (AuthorRow | null)[]): Promise<Map<string, AuthorRecord>> {
  const ids = [...new Set(authors.flatMap((author) => (author ? [author.id] : [])))];
  const counts = ids.length ? await db.comment.groupBy({ by: ["authorId", "status"], where: { authorId: { in: ids }, deletedAt: null }, _count: { _all: true } }) : [];
  const records = new Map<string, AuthorRecord>();
  for (const author of authors) {
    if (!author || records.has(author.id)) continue;
    const mine = counts.filter((row) => row.authorId === author.id);
    records.set(author.id, {
      id: author.id,
      handle: author.handle,
      name: author.deletedAt ? DELETED_ACCOUNT_NAME : author.name,
      role: author.role,
      standing: author.standing,
      suspendedUntil: author.suspendedUntil?.toISOString() ?? null,
      joinedAt: author.createdAt.toISOString(),
      publishedComments: mine.find((row) => row.status === "PUBLISHED")?._count._all ?? 0,
      hiddenComments: mine.find((row) => row.status === "HIDDEN")?._count._all ?? 0,
      sanctions: author.sanctions.map((sanction) => ({
        kind: sanction.kind,
        reason: sanction.reason,
        at: sanction.createdAt.toISOString(),
        endsAt: sanction.endsAt?.toISOString() ?? null,
        lifted: sanction.liftedAt !== null,
      })),
    });
  }
  return records;
}

async function commentCards(where: Prisma.CommentWhereInput, orderBy: Prisma.CommentOrderByWithRelationInput[]): Promise<QueueCard[]> {
  const rows: CommentCardRow[] = await db.comment.findMany({ where, orderBy, take: QUEUE_PAGE, select: commentCardSelect });
  const roots = new Map(
    (await db.comment.findMany({ where: { id: { in: rows.map((row) => row.rootId ?? row.id) } }, select: { id: true, lockedAt: true, slowModeSeconds: true } })).map((root) => [root.id, root]),
  );
  const authors = await authorRecords(rows.map((row) => row.author));
  return rows.map((row) => ({
    key: `comment-${row.id}`,
    kind: "comment",
    commentId: row.id,
    highlightId: null,
    essay: { id: row.essay.id, slug: row.essay.slug, title: row.essay.currentRevision?.title ?? row.essay.slug },
    html: row.bodyHtml,
    note: null,
    status: row.status,
    hiddenReason: row.hiddenReason,
    holdReasons: row.holdReasons,
    deleted: row.deletedAt !== null,
    pinned: row.pinnedAt !== null,
    threadLocked: roots.get(row.rootId ?? row.id)?.lockedAt != null,
    threadSlowSeconds: roots.get(row.rootId ?? row.id)?.slowModeSeconds ?? 0,
    createdAt: row.createdAt.toISOString(),
    // The passage of a comment on a highlight its author keeps private stays private here too.
    passage: row.highlight?.visibility === "PUBLIC" ? row.highlight.exact : null,
    parent: row.parent ? { author: row.parent.author?.name ?? DELETED_ACCOUNT_NAME, excerpt: markdownExcerpt(row.parent.body) } : null,
    replies: row.replies.map((reply) => ({ author: reply.author?.name ?? DELETED_ACCOUNT_NAME, excerpt: markdownExcerpt(reply.body) })),
    replyCount: row._count.replies,
    author: row.author ? (authors.get(row.author.id) ?? null) : null,
    reports: summariseReports(row.reports),
    history: row.revisions.map((revision) => ({ body: revision.body, at: revision.createdAt.toISOString() })),
  }));
}

async function noteCards(where: Prisma.HighlightWhereInput): Promise<QueueCard[]> {
  const rows = await db.highlight.findMany({
    where: { ...where, ...PUBLIC_NOTE },
    orderBy: { updatedAt: "desc" },
    take: QUEUE_PAGE,
    select: {
      id: true,
      exact: true,
      note: true,
      noteHiddenAt: true,
      noteHiddenReason: true,
      createdAt: true,
      essay: { select: { id: true, slug: true, currentRevision: { select: { title: true } } } },
      author: { select: authorSelect },
      reports: openReports,
    },
  });
  const authors = await authorRecords(rows.map((row) => row.author));
  return rows.map((row) => ({
    key: `note-${row.id}`,
    kind: "note",
    commentId: null,
    highlightId: row.id,
    essay: { id: row.essay.id, slug: row.essay.slug, title: row.essay.currentRevision?.title ?? row.essay.slug },
    html: null,
    note: row.note,
    status: row.noteHiddenAt ? "HIDDEN" : "PUBLISHED",
    hiddenReason: row.noteHiddenReason,
    holdReasons: [],
    deleted: false,
    pinned: false,
    threadLocked: false,
    threadSlowSeconds: 0,
    createdAt: row.createdAt.toISOString(),
    passage: row.exact,
    parent: null,
    replies: [],
    replyCount: 0,
    author: authors.get(row.author.id) ?? null,
    reports: summariseReports(row.reports),
    history: [],
  }));
}

/**
 * A tab of the review queue, for moderators and admins: reported items
 * (most urgent first: ./queue-priority.ts), held comments (oldest first), hidden items, or the
 * latest actions.
 */
export async function loadQueue(actor: Viewer | null, tab: Exclude<QueueTab, "appeals">): Promise<{ cards: QueueCard[]; actions: AuditRow[] }> {
  assertRole(actor, "MODERATOR");
  if (tab === "actioned") {
    return { cards: [], actions: await withAuditLinks(await db.moderationAction.findMany({ orderBy: { id: "desc" }, take: QUEUE_PAGE })) };
  }
  if (tab === "reported") {
    const [comments, notes] = await Promise.all([
      commentCards({ reports: { some: { status: "OPEN" } } }, [{ reports: { _count: "desc" } }, { createdAt: "asc" }]),
      noteCards({ reports: { some: { status: "OPEN" } } }),
    ]);
    return { cards: await prioritiseCards([...comments, ...notes]), actions: [] };
  }
  if (tab === "held") return { cards: await commentCards({ status: "HELD", deletedAt: null }, [{ createdAt: "asc" }]), actions: [] };
  const [comments, notes] = await Promise.all([commentCards({ status: "HIDDEN", body: { not: "" } }, [{ updatedAt: "desc" }]), noteCards({ noteHiddenAt: { not: null } })]);
  return { cards: [...comments, ...notes], actions: [] };
}

/** How many items wait in each tab, for the tab labels: what the tabs show, so a private note is not even a number. */
export async function queueCounts(actor: Viewer | null): Promise<Record<Exclude<QueueTab, "actioned">, number>> {
  assertRole(actor, "MODERATOR");
  const [reportedComments, reportedNotes, held, hiddenComments, hiddenNotes, appeals] = await Promise.all([
    db.comment.count({ where: { reports: { some: { status: "OPEN" } } } }),
    db.highlight.count({ where: { reports: { some: { status: "OPEN" } }, ...PUBLIC_NOTE } }),
    db.comment.count({ where: { status: "HELD", deletedAt: null } }),
    db.comment.count({ where: { status: "HIDDEN", body: { not: "" } } }),
    db.highlight.count({ where: { noteHiddenAt: { not: null }, ...PUBLIC_NOTE } }),
    db.appeal.count({ where: { status: "OPEN" } }),
  ]);
  return { reported: reportedComments + reportedNotes, held, hidden: hiddenComments + hiddenNotes, appeals };
}
