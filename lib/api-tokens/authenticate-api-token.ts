import "server-only";
import { createHash } from "node:crypto";
import type { Session, Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db/client";
import { queryRows } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

/** What every Glossa token starts with, so a secret pasted into the wrong place (a repository, a chat) is recognisable and scannable. */
export const API_TOKEN_PREFIX = "glossa_";

/** A secret as Glossa makes them: the prefix and 32 random bytes in base64url (43 characters). */
const SECRET_SHAPE = /^glossa_[A-Za-z0-9_-]{43}$/;

/** How stale `lastUsedAt` may be before a request writes it again: one write a minute per token, not one per request. */
const LAST_USED_RESOLUTION_SECONDS = 60;

/** The SHA-256 a token is stored as. The secret has 256 random bits, so a fast hash is enough: there is nothing to guess. */
export function hashApiTokenSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/**
 * The secret of an `Authorization: Bearer …` header (the scheme is
 * case-insensitive, RFC 9110), or null when the request has no bearer
 * credentials. An empty bearer is "" (present, and not valid).
 */
export function bearerSecret(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header === null ? null : /^bearer(?:\s+(.*))?$/i.exec(header.trim());
  return match ? (match[1] ?? "").trim() : null;
}

function invalidToken(): AppError {
  return new AppError("UNAUTHENTICATED", "This API token is not valid or has been revoked: create a new one in Settings → API tokens.");
}

/**
 * The session a personal API token amounts to now, re-read on every request
 * so a revocation, ban, suspension or deletion takes effect at the next one:
 * the token's reader as a viewer (a suspended reader's token may read, not
 * write, exactly as their session), a banned reader's token nothing (as their
 * signed-out session), and 401 for a token that is malformed, unknown,
 * revoked or whose account is deleted. `lastUsedAt` is kept to the minute.
 */
export async function sessionFromApiToken(secret: string): Promise<Session> {
  if (!SECRET_SHAPE.test(secret)) throw invalidToken();
  // Every token request asks this, so it is a prepared statement on the hot-path pool, as the session's viewer lookup (lib/auth/viewer.ts).
  const [row] = await queryRows<Viewer & { tokenId: string; stale: boolean; deletedAt: Date | null }>(Prisma.sql`
    SELECT t.id AS "tokenId", (t."lastUsedAt" IS NULL OR t."lastUsedAt" < now() - make_interval(secs => ${LAST_USED_RESOLUTION_SECONDS})) AS stale,
      u.id, u.handle, u.name, u.role::text AS role, u.standing::text AS standing, u."suspendedUntil", u."emailVerified" IS NOT NULL AS "emailVerified", u."createdAt", u."deletedAt"
    FROM "ApiToken" t JOIN "User" u ON u.id = t."userId"
    WHERE t."tokenHash" = ${hashApiTokenSecret(secret)} AND t."revokedAt" IS NULL`);
  if (!row || row.deletedAt) throw invalidToken();
  const { tokenId, stale, deletedAt: _deleted, ...viewer } = row;
  if (stale) await db.apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: new Date() } });
  if (viewer.standing === "BANNED") return { viewer: null, banned: true, sessionVersion: null };
  return { viewer, banned: false, sessionVersion: null };
}
