import "server-only";
import { sqlTransaction, type SqlTransaction } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { appealOutcomeMail } from "@/lib/mail/account-mail";
import { mailInsertSql } from "@/lib/mail/enqueue-mail";
import { notificationMail, type UnsubscribeLinks } from "@/lib/mail/notification-mail";
import { decideNotificationMail, type NotificationMailFacts } from "./mail-decision";
import { MAIL_TOPICS, type MailCadence, type MailTopic } from "./mail-topics";
import { notificationHref } from "./notifications";
import { unsubscribeToken, type UnsubscribeScope } from "./unsubscribe-token";

/** Notifications one pass decides. */
const BATCH = 50;

/** One undecided notification with everything its decision and its message need, as `undecided` reads it. */
interface UndecidedNotice extends Omit<NotificationMailFacts, "comment"> {
  id: number;
  userId: string;
  name: string;
  message: string;
  commentId: number | null;
  commentStatus: "PUBLISHED" | "HELD" | "HIDDEN" | null;
  commentDeleted: boolean | null;
  slug: string | null;
  essayTitle: string | null;
  cadences: Record<string, MailCadence>;
}

/** The cadence columns of "User" (as `u`) as one JSON object, topic → cadence. */
export const CADENCES = Prisma.raw(`json_build_object(${MAIL_TOPICS.map(({ topic, column }) => `'${topic}', u."${column}"`).join(", ")})`);

/**
 * Takes up to BATCH notifications nobody has decided yet, locked so that the
 * mailer of another app instance skips them (FOR UPDATE SKIP LOCKED: each is
 * decided, and mailed, once), with their reader, comment and essay.
 */
function undecided(tx: SqlTransaction): Promise<UndecidedNotice[]> {
  return tx.rows<UndecidedNotice>(Prisma.sql`
    WITH taken AS (SELECT id FROM "Notification" WHERE "mailState" = 'PENDING' ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
    SELECT n.id, n."userId", n.kind::text AS kind, n.message, n."commentId", n."readAt" IS NOT NULL AS read,
      u.email, u.name, u."emailVerified" IS NOT NULL AS verified, (u."deletedAt" IS NOT NULL OR (u.standing = 'BANNED' AND n.kind <> 'APPEAL_OUTCOME')) AS closed, ${CADENCES} AS cadences,
      coalesce(p."authorId" = n."userId", false) AS "replyToRecipient", c.status::text AS "commentStatus", c."deletedAt" IS NOT NULL AS "commentDeleted",
      e.slug, r.title AS "essayTitle"
    FROM taken JOIN "Notification" n ON n.id = taken.id JOIN "User" u ON u.id = n."userId"
    LEFT JOIN "Comment" c ON c.id = n."commentId" LEFT JOIN "Comment" p ON p.id = c."parentId"
    LEFT JOIN "Essay" e ON e.id = n."essayId" LEFT JOIN "EssayRevision" r ON r.id = e."currentRevisionId"
    ORDER BY n.id`);
}

/** The comment a notice is about, as the decision reads it, from a row of `undecided` or of the digest's query. */
export function mailedComment(row: { commentId: number | null; commentStatus: "PUBLISHED" | "HELD" | "HIDDEN" | null; commentDeleted: boolean | null }): NotificationMailFacts["comment"] {
  return row.commentId !== null && row.commentStatus !== null ? { status: row.commentStatus, deleted: row.commentDeleted === true } : null;
}

/** The settings and unsubscribe links of a reader's mail about `scope`. */
export function unsubscribeLinks(origin: string, userId: string, scope: UnsubscribeScope): UnsubscribeLinks {
  const token = encodeURIComponent(unsubscribeToken(userId, scope));
  return { settings: `${origin}/settings#email-notifications`, page: `${origin}/unsubscribe?token=${token}`, oneClick: `${origin}/api/mail/unsubscribe?token=${token}` };
}

/**
 * One pass of the notification mailer: decides each new notification
 * (lib/notifications/mail-decision.ts) and, in the same transaction, puts
 * the mail it calls for in the outbox and records the decision: MAILED,
 * DIGEST (kept for the daily digest) or SKIPPED. Runs in the outbox worker
 * (lib/mail/outbox-worker.ts), never in the request that wrote the
 * notification: a comment's write path pays nothing for mail. Returns how
 * many it decided and how many it queued.
 */
export async function composeNotificationMail(origin: string): Promise<{ decided: number; queued: number }> {
  return sqlTransaction(async (tx) => {
    const notices = await undecided(tx);
    const states: Record<"MAILED" | "DIGEST" | "SKIPPED", number[]> = { MAILED: [], DIGEST: [], SKIPPED: [] };
    for (const notice of notices) {
      const verdict = decideNotificationMail({ ...notice, comment: mailedComment(notice) }, (topic: MailTopic) => notice.cadences[topic] ?? "OFF");
      if (verdict.send === "never") {
        states.SKIPPED.push(notice.id);
        continue;
      }
      if (verdict.send === "digest") {
        states.DIGEST.push(notice.id);
        continue;
      }
      if (verdict.send === "answer") {
        await tx.rows(mailInsertSql({ ...appealOutcomeMail(notice.email!, notice.name, notice.message, `${origin}/signin`), userId: notice.userId }));
        states.MAILED.push(notice.id);
        continue;
      }
      const href = notice.slug ? `${origin}${notificationHref(notice.slug, notice.commentId)}` : null;
      const draft = notificationMail(
        notice.email!,
        notice.name,
        verdict.topic,
        { message: notice.message, href, essayTitle: notice.essayTitle },
        unsubscribeLinks(origin, notice.userId, verdict.topic),
      );
      await tx.rows(mailInsertSql({ ...draft, userId: notice.userId }));
      states.MAILED.push(notice.id);
    }
    for (const [state, ids] of Object.entries(states)) {
      if (ids.length) await tx.rows(Prisma.sql`UPDATE "Notification" SET "mailState" = ${state}::"NotificationMailState" WHERE id = ANY(${ids}::int[])`);
    }
    return { decided: notices.length, queued: states.MAILED.length };
  });
}
