import "server-only";
import { sqlTransaction, type SqlTransaction } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { mailInsertSql } from "@/lib/mail/enqueue-mail";
import { markdownExcerpt } from "@/lib/markdown/render";
import { digestMail, type DigestEssay } from "@/lib/mail/notification-mail";
import { CADENCES, mailedComment, unsubscribeLinks } from "./compose-notification-mail";
import { decideNotificationMail, type NotificationMailFacts } from "./mail-decision";
import type { MailCadence, MailTopic } from "./mail-topics";
import { notificationHref } from "./notifications";

/** A reader's digest waits this long after the previous one (or, for the first, after its oldest notice). */
const DIGEST_HOURS = 24;
/** Readers one pass sends digests to. */
const BATCH = 20;

interface DueReader {
  id: string;
  email: string | null;
  name: string;
  verified: boolean;
  closed: boolean;
  cadences: Record<string, MailCadence>;
}

interface DigestNotice extends Pick<NotificationMailFacts, "kind" | "replyToRecipient" | "read"> {
  id: number;
  message: string;
  commentId: number | null;
  commentStatus: "PUBLISHED" | "HELD" | "HIDDEN" | null;
  commentDeleted: boolean | null;
  essayId: string | null;
  slug: string | null;
  essayTitle: string | null;
  rootId: number | null;
  rootHandle: string | null;
  /** The thread's first comment, only when everyone may read it (it names the thread in the digest). */
  rootBody: string | null;
}

/** Readers whose digest is due at `now`, locked so another instance's mailer skips them. */
function dueReaders(tx: SqlTransaction, now: Date): Promise<DueReader[]> {
  const cutoff = Prisma.sql`(${now.toISOString()}::timestamptz AT TIME ZONE 'UTC') - make_interval(hours => ${DIGEST_HOURS})`;
  return tx.rows<DueReader>(Prisma.sql`
    SELECT u.id, u.email, u.name, u."emailVerified" IS NOT NULL AS verified, (u."deletedAt" IS NOT NULL OR u.standing = 'BANNED') AS closed, ${CADENCES} AS cadences
    FROM "User" u
    WHERE u.id IN (SELECT "userId" FROM "Notification" WHERE "mailState" = 'DIGEST')
      AND coalesce(u."digestSentAt", (SELECT min("createdAt") FROM "Notification" WHERE "userId" = u.id AND "mailState" = 'DIGEST')) <= ${cutoff}
    ORDER BY u.id LIMIT ${BATCH} FOR UPDATE OF u SKIP LOCKED`);
}

function digestNotices(tx: SqlTransaction, userId: string): Promise<DigestNotice[]> {
  return tx.rows<DigestNotice>(Prisma.sql`
    SELECT n.id, n.kind::text AS kind, n.message, n."commentId", n."readAt" IS NOT NULL AS read,
      coalesce(p."authorId" = n."userId", false) AS "replyToRecipient", c.status::text AS "commentStatus", c."deletedAt" IS NOT NULL AS "commentDeleted",
      e.id AS "essayId", e.slug, r.title AS "essayTitle", c."rootId",
      CASE WHEN root.status = 'PUBLISHED' AND root."deletedAt" IS NULL THEN root.body END AS "rootBody",
      CASE WHEN root.status = 'PUBLISHED' AND root."deletedAt" IS NULL THEN a.handle END AS "rootHandle"
    FROM "Notification" n
    LEFT JOIN "Comment" c ON c.id = n."commentId" LEFT JOIN "Comment" p ON p.id = c."parentId"
    LEFT JOIN "Comment" root ON root.id = c."rootId" LEFT JOIN "User" a ON a.id = root."authorId"
    LEFT JOIN "Essay" e ON e.id = n."essayId" LEFT JOIN "EssayRevision" r ON r.id = e."currentRevisionId"
    WHERE n."userId" = ${userId} AND n."mailState" = 'DIGEST'
    ORDER BY n.id`);
}

/** A digest's notices grouped essay by essay, then thread by thread, in the order they happened. */
export function groupDigest(notices: readonly DigestNotice[], origin: string): DigestEssay[] {
  const essays = new Map<string, { title: string; threads: Map<string, { label: string; notices: DigestEssay["threads"][number]["notices"] }> }>();
  for (const notice of notices) {
    const essayKey = notice.essayId ?? "";
    let essay = essays.get(essayKey);
    if (!essay) essays.set(essayKey, (essay = { title: notice.essayTitle ?? "Your account", threads: new Map() }));
    const threadKey = notice.rootId === null ? "" : String(notice.rootId);
    let thread = essay.threads.get(threadKey);
    if (!thread) {
      const label = notice.rootId === null ? "Notices" : notice.rootBody ? `Thread started by @${notice.rootHandle}: ${markdownExcerpt(notice.rootBody, 80)}` : "A thread";
      essay.threads.set(threadKey, (thread = { label, notices: [] }));
    }
    thread.notices.push({ message: notice.message, href: notice.slug ? `${origin}${notificationHref(notice.slug, notice.commentId)}` : null, essayTitle: notice.essayTitle });
  }
  return [...essays.values()].map((essay) => ({ title: essay.title, threads: [...essay.threads.values()] }));
}

/**
 * One pass of the daily digest: for each reader whose digest is due, the
 * notices kept for it are decided again (something hidden, held or read
 * since, or a topic turned off, drops out), grouped by essay and thread, and
 * mailed as one message, in one transaction that marks them MAILED or
 * SKIPPED and records when the digest went. Returns how many digests it queued.
 */
export async function sendDueDigests(origin: string, now = new Date()): Promise<number> {
  return sqlTransaction(async (tx) => {
    let queued = 0;
    for (const reader of await dueReaders(tx, now)) {
      const notices = await digestNotices(tx, reader.id);
      const included = notices.filter(
        (notice) =>
          decideNotificationMail(
            { ...notice, comment: mailedComment(notice), email: reader.email, verified: reader.verified, closed: reader.closed },
            (topic: MailTopic) => reader.cadences[topic] ?? "OFF",
          ).send !== "never",
      );
      if (included.length) {
        await tx.rows(mailInsertSql({ ...digestMail(reader.email!, reader.name, groupDigest(included, origin), unsubscribeLinks(origin, reader.id, "digest")), userId: reader.id }));
        queued += 1;
      }
      const includedIds = included.map(({ id }) => id);
      await tx.rows(Prisma.sql`
        UPDATE "Notification" SET "mailState" = CASE WHEN id = ANY(${includedIds}::int[]) THEN 'MAILED'::"NotificationMailState" ELSE 'SKIPPED'::"NotificationMailState" END
        WHERE id = ANY(${notices.map(({ id }) => id)}::int[])`);
      await tx.rows(Prisma.sql`UPDATE "User" SET "digestSentAt" = ${now.toISOString()}::timestamptz AT TIME ZONE 'UTC' WHERE id = ${reader.id}`);
    }
    return queued;
  });
}
