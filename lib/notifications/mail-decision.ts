import type { MailCadence, MailTopic } from "./mail-topics";

/** What the mailer knows of one notification when it decides, read in one query (lib/notifications/compose-notification-mail.ts). */
export interface NotificationMailFacts {
  kind: "REPLY" | "MODERATION" | "REPORT_OUTCOME" | "MENTION" | "PASSAGE_CHANGED" | "APPEAL_OUTCOME";
  /** A REPLY to the recipient's own comment (otherwise it reached them as a watcher of the thread). */
  replyToRecipient: boolean;
  /** The recipient's address, if they have one, and whether it is confirmed. */
  email: string | null;
  verified: boolean;
  /** The recipient's account is deleted or banned (a banned one is not closed to the answer to their appeal: see compose-notification-mail.ts). */
  closed: boolean;
  /** They have already read it on the site. */
  read: boolean;
  /** The comment it is about: null when it names none or the comment is gone. */
  comment: { status: "PUBLISHED" | "HELD" | "HIDDEN"; deleted: boolean } | null;
}

/** Which of the reader's topics a notification belongs to. */
export function mailTopicOf(kind: Exclude<NotificationMailFacts["kind"], "PASSAGE_CHANGED" | "APPEAL_OUTCOME">, replyToRecipient: boolean): MailTopic {
  switch (kind) {
    case "REPLY":
      return replyToRecipient ? "replies" : "watched";
    case "MENTION":
      return "mentions";
    case "MODERATION":
      return "moderation";
    case "REPORT_OUTCOME":
      return "reports";
  }
}

/** The mailer's verdict on a notification: mail it now, keep it for the digest, mail it now as the answer to the reader's own request (no topic to unsubscribe from), or never mail it. */
export type MailVerdict = { send: "now" | "digest"; topic: MailTopic } | { send: "answer" } | { send: "never"; why: string };

/**
 * Decides whether a notification is mailed. Mail goes only to a confirmed
 * address of an open account that asked for this topic, and never carries
 * what the public cannot read: a reply or mention whose comment is held,
 * hidden or deleted is not mailed (moderators see those in the queue, not in
 * mail). Moderation outcomes and report outcomes carry only their notice,
 * never the content. A notice already read on the site is not mailed.
 */
export function decideNotificationMail(facts: NotificationMailFacts, cadence: (topic: MailTopic) => MailCadence): MailVerdict {
  // Its diff may quote a private highlight's words; it is shown on the site only.
  if (facts.kind === "PASSAGE_CHANGED") return { send: "never", why: "passage changes are shown on the site, not mailed" };
  // The answer to an appeal the reader made: mailed whatever topics they chose, and even while banned, since a banned reader may never come back to read it.
  if (facts.kind === "APPEAL_OUTCOME") {
    if (facts.closed) return { send: "never", why: "the account is closed" };
    if (!facts.email || !facts.verified) return { send: "never", why: "no confirmed address" };
    return facts.read ? { send: "never", why: "already read on the site" } : { send: "answer" };
  }
  const topic = mailTopicOf(facts.kind, facts.replyToRecipient);
  const chosen = cadence(topic);
  if (chosen === "OFF") return { send: "never", why: "the reader did not ask for this mail" };
  if (facts.closed) return { send: "never", why: "the account is closed" };
  if (!facts.email || !facts.verified) return { send: "never", why: "no confirmed address" };
  if (facts.read) return { send: "never", why: "already read on the site" };
  if (topic === "replies" || topic === "mentions" || topic === "watched") {
    if (!facts.comment || facts.comment.deleted || facts.comment.status !== "PUBLISHED") return { send: "never", why: "the comment is not public" };
  }
  return { send: chosen === "IMMEDIATE" ? "now" : "digest", topic };
}
