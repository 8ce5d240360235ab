import "server-only";
import { queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { composeNotificationMail } from "@/lib/notifications/compose-notification-mail";
import { sendDueDigests } from "@/lib/notifications/send-digests";
import { workerLinkOrigin } from "./link-origin";
import { createSendMail, type SendMail } from "./transport";

/** Messages one pass takes. */
const BATCH = 10;
/** How long a taken message is left to the worker sending it; if that worker dies mid-send, another takes it after this. */
const LEASE_SECONDS = 120;
/** A message still failing this long after it was written is given up on (FAILED, listed for admins). */
const GIVE_UP_HOURS = 24;
/** How often an idle worker looks for due messages (another instance's, or retries). */
const POLL_MS = 5_000;

/** The wait before retry `attempts + 1`: 30 s doubling to an hour. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(3_600, 30 * 2 ** Math.max(0, attempts - 1));
}

interface DueMail {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  messageId: string;
  attempts: number;
}

// Prisma's DateTime columns hold UTC without a zone; now() is compared and stored the same way.
const UTC_NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/**
 * One pass of the outbox: takes up to BATCH due messages (FOR UPDATE SKIP
 * LOCKED, so workers on several instances never take the same row, and
 * leases each for LEASE_SECONDS), sends them, and records each outcome: sent,
 * retried after a backoff, or failed for good after 24 hours. Returns how
 * many it took. Raw SQL: Prisma has no SKIP LOCKED.
 */
export async function deliverDueMail(send: SendMail): Promise<{ taken: number; sent: number }> {
  const due = await queryRows<DueMail>(Prisma.sql`
    UPDATE "MailMessage" m SET attempts = m.attempts + 1, "nextAttemptAt" = ${UTC_NOW} + make_interval(secs => ${LEASE_SECONDS})
    FROM (SELECT id FROM "MailMessage" WHERE status = 'PENDING' AND "nextAttemptAt" <= ${UTC_NOW} ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED) taken
    WHERE m.id = taken.id
    RETURNING m.id, m."to", m.subject, m.text, m.html, m.headers, m."messageId", m.attempts`);
  let sent = 0;
  for (const mail of due) {
    try {
      await send(mail);
      await queryRows(Prisma.sql`UPDATE "MailMessage" SET status = 'SENT', "sentAt" = ${UTC_NOW}, "lastError" = NULL WHERE id = ${mail.id}`);
      sent += 1;
    } catch (error) {
      const reason = (error instanceof Error ? error.message : String(error)).slice(0, 1_000);
      await queryRows(Prisma.sql`
        UPDATE "MailMessage" SET "lastError" = ${reason},
          status = CASE WHEN "createdAt" < ${UTC_NOW} - make_interval(hours => ${GIVE_UP_HOURS}) THEN 'FAILED'::"MailStatus" ELSE 'PENDING'::"MailStatus" END,
          "nextAttemptAt" = ${UTC_NOW} + make_interval(secs => ${retryDelaySeconds(mail.attempts)})
        WHERE id = ${mail.id}`);
    }
  }
  return { taken: due.length, sent };
}

/** A running worker: `wake` makes it look now, `stop` ends it after the pass in progress. */
export interface OutboxWorker {
  wake(): void;
  stop(): Promise<void>;
}

/**
 * One pass of the worker: new notifications are decided and their mail
 * written to the outbox, due digests likewise, and then the outbox is sent.
 * Without an origin for links (production without NEXTAUTH_URL) nothing is
 * composed: the notices wait, undecided, rather than carry wrong links.
 * Returns whether any step had more than one batch to do.
 */
async function workerPass(send: SendMail, origin: string | null): Promise<boolean> {
  const composed = origin ? await composeNotificationMail(origin) : { decided: 0 };
  if (origin) await sendDueDigests(origin);
  const delivered = await deliverDueMail(send);
  return delivered.taken === BATCH || composed.decided > 0;
}

/**
 * Runs the mail worker until stopped: a pass whenever woken, every POLL_MS
 * otherwise, and at once again after a pass that found work. A database that
 * is away costs a pass, not the worker: it tries again at the next poll.
 * `origin` is where links in notification mail point (lib/mail/link-origin.ts).
 */
export function runOutboxWorker(send: SendMail = createSendMail(), pollMs = POLL_MS, origin: string | null = workerLinkOrigin()): OutboxWorker {
  let stopped = false;
  let wakeUp: (() => void) | null = null;
  let reported = false;
  const loop = (async () => {
    while (!stopped) {
      let more = false;
      try {
        more = await workerPass(send, origin);
        reported = false;
      } catch (error) {
        if (!reported) console.error(`The mail outbox could not be read; trying again every ${pollMs / 1000} s:`, error instanceof Error ? error.message : error);
        reported = true;
      }
      if (stopped || more) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        timer.unref();
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = null;
    }
  })();
  return {
    wake: () => wakeUp?.(),
    stop: async () => {
      stopped = true;
      wakeUp?.();
      await loop;
    },
  };
}

const globalForOutbox = globalThis as unknown as { glossaOutbox?: OutboxWorker };

/** Starts this instance's worker once (instrumentation.ts); Next's dev reloads do not start more. */
export function installOutboxWorker(): void {
  globalForOutbox.glossaOutbox ??= runOutboxWorker();
}

/** Asks this instance's worker to look now: called after a transaction that queued mail commits. */
export function wakeOutbox(): void {
  globalForOutbox.glossaOutbox?.wake();
}
