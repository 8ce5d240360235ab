import "server-only";
import { assertRole, type Viewer } from "@/lib/auth/viewer";
import { DELETED_ACCOUNT_NAME } from "@/lib/auth/account-constants";
import { queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";

/** Readers shown per search. */
export const USER_RESULTS = 25;

/** A reader as the moderators' search lists them. */
export interface UserMatch {
  handle: string;
  name: string;
  email: string | null;
  role: string;
  standing: string;
  joinedAt: string;
  comments: number;
}

/** `text` as a LIKE pattern matching itself literally. */
const literal = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/**
 * Readers whose handle or display name contains `query` or resembles it
 * (pg_trgm: the GIN indexes on both serve ILIKE and `%`), or whose email
 * starts with it; an exact handle first, then the closest. Moderators and
 * admins only: email addresses are not public.
 */
export async function searchUsers(actor: Viewer | null, query: string): Promise<UserMatch[]> {
  assertRole(actor, "MODERATOR");
  const text = query.trim().replace(/^@/, "");
  if (!text) return [];
  const contains = `%${literal(text)}%`;
  const rows = await queryRows<UserMatch & { deleted: boolean }>(Prisma.sql`
    SELECT u.handle, u.name, u.email, u.role::text AS role, u.standing::text AS standing,
      to_char(u."createdAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "joinedAt", u."deletedAt" IS NOT NULL AS deleted,
      (SELECT count(*)::int FROM "Comment" c WHERE c."authorId" = u.id AND c."deletedAt" IS NULL) AS comments
    FROM "User" u
    WHERE u.handle ILIKE ${contains} OR u.name ILIKE ${contains} OR u.handle % ${text} OR u.name % ${text} OR u.email LIKE ${`${literal(text.toLowerCase())}%`}
    ORDER BY lower(u.handle) = lower(${text}) DESC, u."deletedAt" IS NOT NULL, greatest(similarity(u.handle, ${text}), similarity(u.name, ${text})) DESC, u.handle
    LIMIT ${USER_RESULTS}`);
  return rows.map(({ deleted, ...row }) => (deleted ? { ...row, name: DELETED_ACCOUNT_NAME } : row));
}
