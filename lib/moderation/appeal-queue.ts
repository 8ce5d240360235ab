import "server-only";
import { DELETED_ACCOUNT_NAME } from "@/lib/auth/account-constants";
import { assertRole, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { markdownExcerpt } from "@/lib/markdown/render";
import { QUEUE_PAGE } from "./queue";

/** One sanction in an appellant's history, with who issued it. */
interface SanctionEntry {
  id: string;
  kind: "BAN" | "SUSPENSION";
  reason: string;
  issuedAt: string;
  issuedBy: string | null;
  endsAt: string | null;
  lifted: boolean;
}

/**
 * One appeal in the Appeals tab, with what a moderator needs to decide it:
 * the sanction (when, by whom, why), the reader's earlier appeals, and their
 * recent record (what they wrote lately and what became of it, reports
 * upheld against them, every sanction).
 */
export interface AppealCard {
  id: string;
  message: string;
  createdAt: string;
  appellant: { id: string; handle: string; name: string; joinedAt: string; standing: string };
  sanction: SanctionEntry & { inForce: boolean };
  earlierAppeals: { id: string; status: string; message: string; createdAt: string; decidedAt: string | null; decidedBy: string | null; note: string | null }[];
  record: {
    publishedComments: number;
    hiddenComments: number;
    upheldReports: number;
    recentComments: { id: number; slug: string; excerpt: string; status: string; at: string }[];
    sanctions: SanctionEntry[];
  };
}

const sanctionSelect = { id: true, kind: true, reason: true, createdAt: true, endsAt: true, liftedAt: true, issuedBy: { select: { handle: true } } } as const;

function sanctionEntry(row: {
  id: string;
  kind: "BAN" | "SUSPENSION";
  reason: string;
  createdAt: Date;
  endsAt: Date | null;
  liftedAt: Date | null;
  issuedBy: { handle: string } | null;
}): SanctionEntry {
  return {
    id: row.id,
    kind: row.kind,
    reason: row.reason,
    issuedAt: row.createdAt.toISOString(),
    issuedBy: row.issuedBy?.handle ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
    lifted: row.liftedAt !== null,
  };
}

/** The Appeals tab: appeals waiting for a decision, oldest first, each with its sanction's history and its reader's record. */
export async function loadAppealCards(actor: Viewer | null, now = new Date()): Promise<AppealCard[]> {
  assertRole(actor, "MODERATOR");
  const appeals = await db.appeal.findMany({
    where: { status: "OPEN" },
    orderBy: { createdAt: "asc" },
    take: QUEUE_PAGE,
    select: {
      id: true,
      message: true,
      createdAt: true,
      sanction: { select: sanctionSelect },
      user: { select: { id: true, handle: true, name: true, createdAt: true, standing: true, deletedAt: true } },
    },
  });
  return Promise.all(
    appeals.map(async (appeal): Promise<AppealCard> => {
      const userId = appeal.user.id;
      const [earlier, sanctions, counts, upheldReports, recent] = await Promise.all([
        db.appeal.findMany({
          where: { userId, id: { not: appeal.id } },
          orderBy: { createdAt: "desc" },
          take: 10,
          select: { id: true, status: true, message: true, createdAt: true, decidedAt: true, decisionNote: true, decidedBy: { select: { handle: true } } },
        }),
        db.sanction.findMany({ where: { userId }, orderBy: { createdAt: "desc" }, take: 10, select: sanctionSelect }),
        db.comment.groupBy({ by: ["status"], where: { authorId: userId, deletedAt: null }, _count: { _all: true } }),
        db.report.count({ where: { status: "ACTIONED", OR: [{ comment: { authorId: userId } }, { highlight: { authorId: userId } }] } }),
        db.comment.findMany({
          where: { authorId: userId, deletedAt: null },
          orderBy: { createdAt: "desc" },
          take: 5,
          select: { id: true, body: true, status: true, createdAt: true, essay: { select: { slug: true } } },
        }),
      ]);
      const sanction = sanctionEntry(appeal.sanction);
      return {
        id: appeal.id,
        message: appeal.message,
        createdAt: appeal.createdAt.toISOString(),
        appellant: {
          id: userId,
          handle: appeal.user.handle,
          name: appeal.user.deletedAt ? DELETED_ACCOUNT_NAME : appeal.user.name,
          joinedAt: appeal.user.createdAt.toISOString(),
          standing: appeal.user.standing,
        },
        sanction: { ...sanction, inForce: !sanction.lifted && (appeal.sanction.endsAt === null || appeal.sanction.endsAt > now) },
        earlierAppeals: earlier.map((row) => ({
          id: row.id,
          status: row.status,
          message: row.message,
          createdAt: row.createdAt.toISOString(),
          decidedAt: row.decidedAt?.toISOString() ?? null,
          decidedBy: row.decidedBy?.handle ?? null,
          note: row.decisionNote,
        })),
        record: {
          publishedComments: counts.find((row) => row.status === "PUBLISHED")?._count._all ?? 0,
          hiddenComments: counts.find((row) => row.status === "HIDDEN")?._count._all ?? 0,
          upheldReports,
          recentComments: recent.map((row) => ({ id: row.id, slug: row.essay.slug, excerpt: markdownExcerpt(row.body, 120), status: row.status, at: row.createdAt.toISOString() })),
          sanctions: sanctions.map(sanctionEntry),
        },
      };
    }),
  );
}
