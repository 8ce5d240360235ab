import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { MAIL_TOPICS } from "./mail-topics";
import { MAIL_PREFERENCE_COLUMNS, mailPreferencesOf } from "./update-mail-preferences";
import { readUnsubscribeToken, type UnsubscribeScope } from "./unsubscribe-token";

/** What an unsubscribe stopped, in words for the page that confirms it. */
export function unsubscribedFrom(scope: UnsubscribeScope): string {
  return scope === "digest" ? "the daily digest" : `emails about ${MAIL_TOPICS.find(({ topic }) => topic === scope)!.label.toLowerCase()}`;
}

/**
 * Turns off the mail an unsubscribe link names: one topic, or (from a
 * digest) every topic the reader gets as a digest. It takes effect at once:
 * in the same transaction, the reader's notification mail of that scope
 * still waiting in the outbox is dropped, and the notices kept for a digest
 * are no longer kept. The one-click POST of RFC 8058 and the page's button
 * both end here; needs no session (mail clients send none), only the link.
 */
export async function unsubscribeMail(token: string): Promise<{ message: string }> {
  const named = readUnsubscribeToken(token);
  if (!named) throw new AppError("NOT_FOUND", "This unsubscribe link is not one Glossa made: open it from the message again, or change your mail in your settings.");
  const { userId, scope } = named;
  const topics = scope === "digest" ? MAIL_TOPICS : MAIL_TOPICS.filter(({ topic }) => topic === scope);
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: MAIL_PREFERENCE_COLUMNS });
    if (!user) return;
    const chosen = mailPreferencesOf(user);
    const stopped = topics.filter(({ topic }) => scope !== "digest" || chosen[topic] === "DIGEST");
    if (stopped.length) await tx.user.update({ where: { id: userId }, data: Object.fromEntries(stopped.map(({ column }) => [column, "OFF"])) as Prisma.UserUpdateInput });
    const kinds = scope === "digest" ? ["notification-digest"] : [`notification-${scope}`];
    await tx.mailMessage.deleteMany({ where: { userId, status: "PENDING", kind: { in: kinds } } });
    if (scope === "digest") await tx.notification.updateMany({ where: { userId, mailState: "DIGEST" }, data: { mailState: "SKIPPED" } });
  });
  return { message: `You will get no more ${unsubscribedFrom(scope)}. You can change this at any time in your settings.` };
}
