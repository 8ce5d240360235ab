import "server-only";
import { randomBytes } from "node:crypto";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A message to send, as an operation composes it (lib/mail/templates). */
export interface MailDraft {
  kind: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
}

/** A Message-ID of our own: unique, and the same on every retry, so a receiving server can drop a duplicate. */
function newMessageId(): string {
  return `<${randomBytes(16).toString("hex")}@glossa.mail>`;
}

/**
 * Puts a message in the outbox, in the caller's transaction: it is sent only
 * if the change that caused it commits, and it is not lost if the mail
 * server is away (the worker retries). Sending never blocks or fails the
 * request. After the commit, the caller wakes this instance's worker
 * (`wakeOutbox`) so the message leaves now rather than at the next poll.
 */
export async function enqueueMail(tx: Prisma.TransactionClient, draft: MailDraft): Promise<void> {
  await tx.mailMessage.create({ data: { kind: draft.kind, to: draft.to, subject: draft.subject, text: draft.text, html: draft.html, headers: draft.headers ?? {}, messageId: newMessageId() } });
}
