import "server-only";
import { randomBytes } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";

/** A message to send, as an operation composes it (lib/mail/account-mail.ts, notification-mail.ts, password-reset-mail.ts). */
export interface MailDraft {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  /** The reader it is for, when it is theirs alone (an unsubscribe drops their pending notification mail). */
  userId?: string;
}

/** A Message-ID of our own: unique, and the same on every retry, so a receiving server can drop a duplicate. */
function newMessageId(): string {
  return `<${randomBytes(16).toString("hex")}@glossa.mail>`;
}

/** The outbox row of a message, as one INSERT: the Prisma transactions and the gateway's (the notification mailer) write it the same way. */
export function mailInsertSql(draft: MailDraft): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "MailMessage" (kind, "to", subject, text, html, headers, "messageId", "userId")
    VALUES (${draft.kind}, ${draft.to}, ${draft.subject}, ${draft.text}, ${draft.html}, ${JSON.stringify(draft.headers ?? {})}::jsonb, ${newMessageId()}, ${draft.userId ?? null})`;
}

/**
 * Puts a message in the outbox, in the caller's transaction: it is sent only
 * if the change that caused it commits, and it is not lost if the mail
 * server is away (the worker retries). Sending never blocks or fails the
 * request. After the commit, the caller wakes this instance's worker
 * (`wakeOutbox`) so the message leaves now rather than at the next poll.
 */
export async function enqueueMail(tx: Prisma.TransactionClient, draft: MailDraft): Promise<void> {
  await tx.$executeRaw(mailInsertSql(draft));
}
