import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { authSecret } from "@/lib/auth/config";
import { MAIL_TOPICS, type MailTopic } from "./mail-topics";

/** What an unsubscribe link stops: one topic, or every topic the reader gets as a digest. */
export type UnsubscribeScope = MailTopic | "digest";

const SCOPES = new Set<string>([...MAIL_TOPICS.map(({ topic }) => topic), "digest"]);

function signature(userId: string, scope: UnsubscribeScope): string {
  return createHmac("sha256", authSecret()).update(`glossa-unsubscribe:${userId}:${scope}`).digest("base64url");
}

/**
 * The token of a mail's unsubscribe link: the reader, the scope and an
 * HMAC of both under the site's secret. It needs no table and never
 * expires (RFC 8058 expects the link in an old message to keep working),
 * and it can only turn mail off, never read or change anything else.
 */
export function unsubscribeToken(userId: string, scope: UnsubscribeScope): string {
  return `${userId}.${scope}.${signature(userId, scope)}`;
}

/** The reader and scope an unsubscribe token names, or null when it was not made by `unsubscribeToken` with this site's secret. */
export function readUnsubscribeToken(token: string): { userId: string; scope: UnsubscribeScope } | null {
  const [userId, scope, mac, ...rest] = token.split(".");
  if (!userId || !scope || !mac || rest.length > 0 || !SCOPES.has(scope)) return null;
  const expected = Buffer.from(signature(userId, scope as UnsubscribeScope));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected) ? { userId, scope: scope as UnsubscribeScope } : null;
}
