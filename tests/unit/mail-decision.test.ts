import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decideNotificationMail, mailTopicOf, type NotificationMailFacts } from "@/lib/notifications/mail-decision";
import type { MailCadence, MailTopic } from "@/lib/notifications/mail-topics";
import { readUnsubscribeToken, unsubscribeToken } from "@/lib/notifications/unsubscribe-token";

const facts = (overrides: Partial<NotificationMailFacts> = {}): NotificationMailFacts => ({
  kind: "REPLY",
  replyToRecipient: true,
  email: "ana@example.test",
  verified: true,
  closed: false,
  read: false,
  comment: { status: "PUBLISHED", deleted: false },
  ...overrides,
});
const all = (cadence: MailCadence) => () => cadence;

describe("which topic a notice is", () => {
  it("tells a reply to me from a watched thread's comment", () => {
    expect(mailTopicOf("REPLY", true)).toBe("replies");
    expect(mailTopicOf("REPLY", false)).toBe("watched");
    expect(mailTopicOf("MENTION", false)).toBe("mentions");
    expect(mailTopicOf("MODERATION", false)).toBe("moderation");
    expect(mailTopicOf("REPORT_OUTCOME", false)).toBe("reports");
  });
});

describe("whether it is mailed", () => {
  it("follows the reader's cadence for its topic", () => {
    expect(decideNotificationMail(facts(), all("IMMEDIATE"))).toEqual({ send: "now", topic: "replies" });
    expect(decideNotificationMail(facts(), all("DIGEST"))).toEqual({ send: "digest", topic: "replies" });
    expect(decideNotificationMail(facts(), all("OFF"))).toMatchObject({ send: "never" });
    const onlyWatched = (topic: MailTopic): MailCadence => (topic === "watched" ? "IMMEDIATE" : "OFF");
    expect(decideNotificationMail(facts({ replyToRecipient: false }), onlyWatched)).toEqual({ send: "now", topic: "watched" });
    expect(decideNotificationMail(facts(), onlyWatched)).toMatchObject({ send: "never" });
  });

  it("never to an unconfirmed, missing or closed address, nor what was read on the site", () => {
    expect(decideNotificationMail(facts({ verified: false }), all("IMMEDIATE"))).toMatchObject({ send: "never", why: "no confirmed address" });
    expect(decideNotificationMail(facts({ email: null }), all("IMMEDIATE"))).toMatchObject({ send: "never" });
    expect(decideNotificationMail(facts({ closed: true }), all("IMMEDIATE"))).toMatchObject({ send: "never" });
    expect(decideNotificationMail(facts({ read: true }), all("IMMEDIATE"))).toMatchObject({ send: "never" });
  });

  it("never a reply or mention the public cannot read; a moderation notice carries no content and is mailed", () => {
    for (const comment of [{ status: "HIDDEN" as const, deleted: false }, { status: "HELD" as const, deleted: false }, { status: "PUBLISHED" as const, deleted: true }, null]) {
      expect(decideNotificationMail(facts({ comment }), all("IMMEDIATE"))).toMatchObject({ send: "never", why: "the comment is not public" });
      expect(decideNotificationMail(facts({ kind: "MENTION", comment }), all("IMMEDIATE"))).toMatchObject({ send: "never" });
    }
    expect(decideNotificationMail(facts({ kind: "MODERATION", comment: { status: "HIDDEN", deleted: false } }), all("IMMEDIATE"))).toEqual({ send: "now", topic: "moderation" });
  });
});

describe("the answer to an appeal", () => {
  it("is mailed at once whatever topics the reader chose, to a confirmed address, unless read or the account is deleted", () => {
    const appeal = facts({ kind: "APPEAL_OUTCOME", comment: null });
    expect(decideNotificationMail(appeal, all("OFF"))).toEqual({ send: "answer" });
    expect(decideNotificationMail(facts({ kind: "APPEAL_OUTCOME", comment: null, verified: false }), all("IMMEDIATE"))).toMatchObject({ send: "never" });
    expect(decideNotificationMail(facts({ kind: "APPEAL_OUTCOME", comment: null, read: true }), all("IMMEDIATE"))).toMatchObject({ send: "never" });
    expect(decideNotificationMail(facts({ kind: "APPEAL_OUTCOME", comment: null, closed: true }), all("IMMEDIATE"))).toMatchObject({ send: "never" });
  });
});

describe("unsubscribe tokens", () => {
  const before = process.env.AUTH_SECRET;
  beforeAll(() => {
    process.env.AUTH_SECRET = "unit-test-secret-for-unsubscribe-tokens";
  });
  afterAll(() => {
    process.env.AUTH_SECRET = before;
  });

  it("name the reader and the scope, and only with this site's secret", () => {
    const token = unsubscribeToken("user123", "replies");
    expect(readUnsubscribeToken(token)).toEqual({ userId: "user123", scope: "replies" });
    expect(readUnsubscribeToken(unsubscribeToken("user123", "digest"))).toEqual({ userId: "user123", scope: "digest" });
    expect(readUnsubscribeToken(token.replace("user123", "user124"))).toBeNull();
    expect(readUnsubscribeToken(token.replace(".replies.", ".mentions."))).toBeNull();
    expect(readUnsubscribeToken(`${token}.extra`)).toBeNull();
    expect(readUnsubscribeToken("user123.everything.abc")).toBeNull();
    process.env.AUTH_SECRET = "another-secret-entirely-for-this-check";
    expect(readUnsubscribeToken(token)).toBeNull();
  });
});
