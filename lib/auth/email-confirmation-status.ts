import "server-only";
import { db } from "@/lib/db/client";

/** An unconfirmed reader's address, and whether the site requires it confirmed to publish: what the banner under the header says. */
export async function confirmedEmailRequired(userId: string): Promise<{ email: string | null; required: boolean }> {
  const [user, settings] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { email: true } }),
    db.moderationSettings.findUnique({ where: { id: 1 }, select: { requireVerifiedEmail: true } }),
  ]);
  return { email: user?.email ?? null, required: settings?.requireVerifiedEmail ?? true };
}
