import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { API_TOKEN_PREFIX, hashApiTokenSecret } from "./authenticate-api-token";
import { MAX_API_TOKENS, toApiTokenView, type ApiTokenView } from "./view";

/** How much of the secret settings shows: the prefix and five random characters, enough to tell tokens apart and nothing to guess with. */
const SHOWN_LENGTH = API_TOKEN_PREFIX.length + 5;

/**
 * Makes a personal API token for `userId`: 32 random bytes (base64url)
 * after the `glossa_` prefix, stored only as its SHA-256. The secret is
 * returned here and never again. A reader holds at most MAX_API_TOKENS live
 * tokens (409 past it, saying to revoke one); the count and the insert are
 * serialised per reader, so two racing requests cannot both take the last
 * place.
 */
export async function createApiToken(userId: string, name: string): Promise<{ token: ApiTokenView; secret: string }> {
  const secret = `${API_TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`api-token:${userId}`}))::text AS locked`;
    const live = await tx.apiToken.count({ where: { userId, revokedAt: null } });
    if (live >= MAX_API_TOKENS) throw new AppError("CONFLICT", `You already have ${MAX_API_TOKENS} API tokens. Revoke one you no longer use, then create a new one.`);
    return tx.apiToken.create({ data: { userId, name, tokenHash: hashApiTokenSecret(secret), prefix: secret.slice(0, SHOWN_LENGTH) } });
  });
  return { token: toApiTokenView(row), secret };
}
