import "server-only";
import { db } from "@/lib/db/client";

/** The newest messages of the outbox, for /dev/mail. */
export function listOutboxMail(take = 50) {
  return db.mailMessage.findMany({ orderBy: { id: "desc" }, take, select: { id: true, to: true, subject: true, text: true, status: true, createdAt: true } });
}
