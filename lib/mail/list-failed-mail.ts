import "server-only";
import { assertRole, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";

/** Messages the worker gave up on (still failing 24 hours after they were written), newest first: what admins see at /moderation/mail. */
export async function listFailedMail(viewer: Viewer | null, take = 100) {
  assertRole(viewer, "ADMIN");
  const [failed, pending] = await Promise.all([
    db.mailMessage.findMany({
      where: { status: "FAILED" },
      orderBy: { id: "desc" },
      take,
      select: { id: true, kind: true, to: true, subject: true, attempts: true, lastError: true, createdAt: true, nextAttemptAt: true },
    }),
    db.mailMessage.count({ where: { status: "PENDING" } }),
  ]);
  return { failed, pending };
}
