/**
 * What a reader can choose to be emailed about, and how: each topic
 * immediately, in a daily digest, or not at all. Client-safe: the settings
 * form and the server read the same list. Defaults follow Discourse and
 * Medium: replies and mentions at once, the rest off.
 */
export const MAIL_TOPICS = [
  { topic: "replies", column: "mailReplies", label: "Replies to my comments", fallback: "IMMEDIATE" },
  { topic: "mentions", column: "mailMentions", label: "@mentions of me", fallback: "IMMEDIATE" },
  { topic: "watched", column: "mailWatched", label: "New comments in threads I watch", fallback: "OFF" },
  { topic: "moderation", column: "mailModeration", label: "Moderators' decisions on my comments and highlights", fallback: "OFF" },
  { topic: "reports", column: "mailReports", label: "Outcomes of my reports", fallback: "OFF" },
] as const;

/** One of the topics above. */
export type MailTopic = (typeof MAIL_TOPICS)[number]["topic"];

/** How often a topic is mailed. */
export type MailCadence = "IMMEDIATE" | "DIGEST" | "OFF";

/** Every cadence, in the order the settings form offers them. */
export const MAIL_CADENCES: readonly MailCadence[] = ["IMMEDIATE", "DIGEST", "OFF"];

/** A reader's choices, topic by topic. */
export type MailPreferences = Record<MailTopic, MailCadence>;
