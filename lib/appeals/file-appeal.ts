import "server-only";
import type { SanctionedReader } from "@/lib/auth/sanctioned-reader";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { activeSanction } from "./active-sanction";

const ALREADY_OPEN = "You have already appealed this sanction, and a moderator has not answered yet. You can appeal again once they have.";

/**
 * A sanctioned reader appeals the sanction in force on their account. One
 * appeal per sanction waits at a time: a second is refused (409) until the
 * first is decided, by the check here and, for two at once, by the database's
 * partial unique index (one OPEN appeal per sanction).
 */
export async function fileAppeal(reader: SanctionedReader, message: string): Promise<{ id: string; status: "OPEN" }> {
  const sanction = await activeSanction(db, reader.userId, reader.standing);
  if (!sanction) throw new AppError("NOT_FOUND", "Your account has no sanction in force to appeal.");
  if (await db.appeal.findFirst({ where: { sanctionId: sanction.id, status: "OPEN" }, select: { id: true } })) throw new AppError("CONFLICT", ALREADY_OPEN);
  try {
    const appeal = await db.appeal.create({ data: { sanctionId: sanction.id, userId: reader.userId, message }, select: { id: true } });
    return { id: appeal.id, status: "OPEN" };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("CONFLICT", ALREADY_OPEN);
    throw error;
  }
}
