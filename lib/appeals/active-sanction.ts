import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The sanction in force on an account of this standing: its newest ban, or
 * its newest suspension that has not ended, that nobody lifted. Null when
 * there is none (a suspension that ran out, or a standing set by hand).
 */
export function activeSanction(tx: Prisma.TransactionClient, userId: string, standing: "SUSPENDED" | "BANNED", now = new Date()) {
  return tx.sanction.findFirst({
    where: { userId, liftedAt: null, kind: standing === "BANNED" ? "BAN" : "SUSPENSION", OR: [{ endsAt: null }, { endsAt: { gt: now } }] },
    orderBy: { createdAt: "desc" },
    select: { id: true, kind: true, reason: true, createdAt: true, endsAt: true },
  });
}
