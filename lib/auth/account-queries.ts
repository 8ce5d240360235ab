import "server-only";
import { db } from "@/lib/db/client";
import { MAIL_PREFERENCE_COLUMNS, mailPreferencesOf } from "@/lib/notifications/update-mail-preferences";

/** What the settings page shows of the reader's own account: its address and whether it is confirmed, a pending change, and the mail choices. */
export async function accountSettings(userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      email: true,
      emailVerified: true,
      passwordHash: true,
      emailConfirmations: { where: { purpose: "CHANGE", usedAt: null, expiresAt: { gt: new Date() } }, select: { email: true } },
      ...MAIL_PREFERENCE_COLUMNS,
    },
  });
  return {
    email: user.email,
    emailConfirmed: user.emailVerified !== null,
    pendingEmail: user.emailConfirmations[0]?.email ?? null,
    hasPassword: user.passwordHash !== null,
    mailPreferences: mailPreferencesOf(user),
  };
}

/** A reader's public profile and public activity, or null for an unknown or deleted handle. */
export async function publicProfile(handle: string) {
  const user = await db.user.findUnique({
    where: { handle: handle.toLowerCase() },
    select: {
      id: true,
      handle: true,
      name: true,
      createdAt: true,
      deletedAt: true,
      highlights: {
        where: { visibility: "PUBLIC", deletedAt: null, essay: { currentRevisionId: { not: null }, unpublishedAt: null } },
        orderBy: { createdAt: "desc" },
        take: 50,
        select: { id: true, exact: true, note: true, noteHiddenAt: true, colour: true, createdAt: true, status: true, essay: { select: { slug: true, currentRevision: { select: { title: true } } } } },
      },
      // Only what every reader may see: published, not deleted (held and hidden ones never), on an essay still published.
      comments: {
        where: { status: "PUBLISHED", deletedAt: null, essay: { currentRevisionId: { not: null }, unpublishedAt: null } },
        orderBy: { createdAt: "desc" },
        take: 50,
        select: { id: true, bodyHtml: true, createdAt: true, highlight: { select: { exact: true } }, essay: { select: { slug: true, currentRevision: { select: { title: true } } } } },
      },
    },
  });
  if (!user || user.deletedAt) return null;
  return user;
}
