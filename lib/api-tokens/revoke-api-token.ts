import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/**
 * Revokes one of the reader's own tokens: the next request that carries it
 * is refused (every request re-reads its token). The row stays, revoked, so
 * its hash can never be issued again. Someone else's token, an unknown id
 * and an already revoked one are all 404.
 */
export async function revokeApiToken(userId: string, tokenId: string): Promise<void> {
  const { count } = await db.apiToken.updateMany({ where: { id: tokenId, userId, revokedAt: null }, data: { revokedAt: new Date() } });
  if (count === 0) throw new AppError("NOT_FOUND", "That API token does not exist or is already revoked.");
}
