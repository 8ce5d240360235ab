import "server-only";
import { cookies } from "next/headers";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { SESSION_COOKIE } from "./config";
import { SANCTION_COOKIE, verifySanctionToken } from "./sanction-token";
import { decodeSessionToken, sessionFromToken, type Session } from "./viewer";

/** A reader under a sanction, as the `sanctioned` guard admits them: they may read its notice and appeal it. */
export interface SanctionedReader {
  userId: string;
  standing: "SUSPENDED" | "BANNED";
}

/**
 * Who is under a sanction, from a session and a ban notice's token: a
 * signed-in reader whose suspension has not ended, or a banned account
 * named by a valid token (lib/auth/sanction-token.ts). A banned account's
 * old session is not enough: the ban ended it, and only the password (which
 * issues the token) proves its owner is the one asking. Null for anyone
 * else.
 */
export async function findSanctionedReader(session: Session, token: string | undefined, now = new Date()): Promise<SanctionedReader | null> {
  const { viewer } = session;
  if (viewer?.standing === "SUSPENDED" && (viewer.suspendedUntil === null || viewer.suspendedUntil > now)) return { userId: viewer.id, standing: "SUSPENDED" };
  const userId = verifySanctionToken(token, now.getTime());
  if (!userId) return null;
  const user = await db.user.findUnique({ where: { id: userId }, select: { standing: true, deletedAt: true } });
  return user?.standing === "BANNED" && !user.deletedAt ? { userId, standing: "BANNED" } : null;
}

/** Refuses whoever `findSanctionedReader` found nobody for: 401 signed out, 403 for a banned session without the notice's token or an account under no sanction. */
export function refuseUnsanctioned(session: Session): never {
  if (session.banned) throw new AppError("FORBIDDEN", "Your account is banned: sign in again to read why and to appeal.");
  if (!session.viewer) throw new AppError("UNAUTHENTICATED", "Sign in to appeal.");
  throw new AppError("FORBIDDEN", "Your account is under no sanction: there is nothing to appeal.");
}

/** The sanctioned reader of the page being rendered (see `findSanctionedReader`), or null. */
export async function sanctionedReaderOfPage(): Promise<SanctionedReader | null> {
  const jar = await cookies();
  const session = await sessionFromToken(await decodeSessionToken(jar.get(SESSION_COOKIE)?.value));
  return findSanctionedReader(session, jar.get(SANCTION_COOKIE)?.value);
}

/**
 * Whether the page's session cookie belongs to a banned account (which reads
 * as signed out): the header then says so, and that signing in tells why.
 * Only asked when there is no viewer, and free without a cookie.
 */
export async function bannedSessionOfPage(): Promise<boolean> {
  const value = (await cookies()).get(SESSION_COOKIE)?.value;
  return value !== undefined && (await sessionFromToken(await decodeSessionToken(value))).banned;
}
