import "server-only";
import type { MailTopic } from "@/lib/notifications/mail-topics";
import type { MailDraft } from "./enqueue-mail";
import { mailBody, type MailBlock } from "./layout";

/** A notice as mail shows it: its text, where it points (a comment's permalink), and the essay it is on. */
export interface MailedNotice {
  message: string;
  href: string | null;
  essayTitle: string | null;
}

/** The links every notification mail carries: the reader's settings and the unsubscribe page, and the RFC 8058 one-click address. */
export interface UnsubscribeLinks {
  settings: string;
  page: string;
  oneClick: string;
}

const SUBJECTS: Record<MailTopic, (title: string) => string> = {
  replies: (title) => `New reply to you on “${title}”`,
  mentions: (title) => `You were mentioned on “${title}”`,
  watched: (title) => `New comment in a thread you watch on “${title}”`,
  moderation: () => "A moderator's decision about your contribution",
  reports: () => "Your report was reviewed",
};

const WHY: Record<MailTopic | "digest", string> = {
  replies: "you asked to be emailed when someone replies to you",
  mentions: "you asked to be emailed when someone mentions you",
  watched: "you watch this thread and asked to be emailed about it",
  moderation: "you asked to be emailed about moderators' decisions on your contributions",
  reports: "you asked to be emailed about the outcome of your reports",
  digest: "you asked for a daily digest",
};

/** RFC 2369 and RFC 8058: mail clients offer "unsubscribe", and the large ones do it with one POST, without opening a page. */
function unsubscribeHeaders(links: UnsubscribeLinks): Record<string, string> {
  return { "List-Unsubscribe": `<${links.oneClick}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

function closing(scope: MailTopic | "digest", links: UnsubscribeLinks): MailBlock[] {
  return [
    { paragraph: `You receive this because ${WHY[scope]}.` },
    { item: scope === "digest" ? "Stop the digest" : "Stop these emails", href: links.page },
    { item: "Choose what Glossa emails you", href: links.settings },
  ];
}

/** One notification, mailed as it happens. */
export function notificationMail(to: string, name: string, topic: MailTopic, notice: MailedNotice, links: UnsubscribeLinks): MailDraft {
  const { text, html } = mailBody(
    `Hello ${name},`,
    [{ paragraph: notice.message }, ...(notice.href ? [{ action: "Read it on Glossa", href: notice.href }] : []), ...closing(topic, links)],
    "Glossa · a place to read closely and argue well.",
  );
  return { kind: `notification-${topic}`, to, subject: SUBJECTS[topic](notice.essayTitle ?? "an essay"), text, html, headers: unsubscribeHeaders(links) };
}

/** A day's notices in one message, essay by essay and thread by thread, each with its permalink. */
export interface DigestEssay {
  title: string;
  /** Each thread with what names it (its first comment's author and opening words) and its notices, oldest first. */
  threads: { label: string; notices: MailedNotice[] }[];
}

/** The daily digest. */
export function digestMail(to: string, name: string, essays: DigestEssay[], links: UnsubscribeLinks): MailDraft {
  const count = essays.reduce((sum, essay) => sum + essay.threads.reduce((inner, thread) => inner + thread.notices.length, 0), 0);
  const blocks: MailBlock[] = [{ paragraph: `${count === 1 ? "One notice" : `${count} notices`} since your last digest:` }];
  for (const essay of essays) {
    blocks.push({ heading: essay.title });
    for (const thread of essay.threads) {
      blocks.push({ subheading: thread.label });
      for (const notice of thread.notices) blocks.push(notice.href ? { item: notice.message, href: notice.href } : { paragraph: notice.message });
    }
  }
  const { text, html } = mailBody(`Hello ${name},`, [...blocks, ...closing("digest", links)], "Glossa · a place to read closely and argue well.");
  return { kind: "notification-digest", to, subject: `Your Glossa digest: ${count === 1 ? "1 notice" : `${count} notices`}`, text, html, headers: unsubscribeHeaders(links) };
}
