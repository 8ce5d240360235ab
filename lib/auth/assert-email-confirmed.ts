import "server-only";
import { queryRows } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { unconfirmedEmailReason } from "@/lib/moderation/phases";

/**
 * Refuses (403) a vote or a public highlight by a reader whose address is
 * not confirmed while the site requires it (the admins' setting, on by
 * default), as the comment pipeline refuses their comment
 * (lib/moderation/phases.ts). One primary-key read; private highlights
 * never ask.
 */
export async function assertEmailConfirmed(userId: string, what: string): Promise<void> {
  const [row] = await queryRows<{ allowed: boolean }>(Prisma.sql`
    SELECT (u."emailVerified" IS NOT NULL OR NOT coalesce(s."requireVerifiedEmail", true)) AS allowed
    FROM "User" u LEFT JOIN "ModerationSettings" s ON s.id = 1 WHERE u.id = ${userId}`);
  if (row && !row.allowed) throw new AppError("FORBIDDEN", unconfirmedEmailReason(what));
}
