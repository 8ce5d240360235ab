import "server-only";
import { decode, type JWT } from "next-auth/jwt";
import { cookies } from "next/headers";
import { db } from "@/lib/db/client";
import { queryRows } from "@/lib/db/sql";
import { Prisma, type Role, type Standing } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { authSecret, SESSION_COOKIE } from "./config";

/** The signed-in reader as the database says they are now, not as their cookie remembers. */
export interface Viewer {
  id: string;
  handle: string;
  name: string;
  role: Role;
  standing: Standing;
  suspendedUntil: Date | null;
  createdAt: Date;
}

/**
 * The account behind a session token, re-read from the database: null when
 * the token is missing or invalid, the account is deleted or banned, or the
 * token's session version is older than the account's (after "sign out
 * everywhere", a password change or a ban). Credentials sessions are JWTs, so
 * this check is what makes a demotion or ban take effect at the next request.
 */
export async function viewerFromToken(token: JWT | null): Promise<Viewer | null> {
  if (!token || typeof token.uid !== "string" || typeof token.sv !== "number") return null;
  // Every signed-in request asks this, so it is a prepared statement on the hot-path pool.
  const [user] = await queryRows<Viewer & { sessionVersion: number; deletedAt: Date | null }>(Prisma.sql`
    SELECT id, handle, name, role::text AS role, standing::text AS standing, "suspendedUntil", "createdAt", "sessionVersion", "deletedAt"
    FROM "User" WHERE id = ${token.uid}`);
  if (!user || user.deletedAt || user.standing === "BANNED" || user.sessionVersion !== token.sv) return null;
  const { sessionVersion: _version, deletedAt: _deleted, ...viewer } = user;
  return viewer;
}

/** Decodes a session cookie's value. */
export async function decodeSessionToken(value: string | undefined): Promise<JWT | null> {
  if (!value) return null;
  try {
    return await decode({ token: value, secret: authSecret() });
  } catch {
    return null;
  }
}

/** The current request's viewer, or null when signed out. */
export async function getViewer(): Promise<Viewer | null> {
  const jar = await cookies();
  return viewerFromToken(await decodeSessionToken(jar.get(SESSION_COOKIE)?.value));
}

function isSuspended(viewer: Viewer, now = new Date()): boolean {
  return viewer.standing === "SUSPENDED" && (viewer.suspendedUntil === null || viewer.suspendedUntil > now);
}

/**
 * Refuses a viewer who may not write: 401 when signed out (or the session was
 * ended), 403 with the end date while suspended. Banned accounts never get a
 * viewer at all.
 */
export function assertCanWrite(viewer: Viewer | null): asserts viewer is Viewer {
  if (!viewer) throw new AppError("UNAUTHENTICATED", "Sign in to do that.");
  if (isSuspended(viewer)) {
    const until = viewer.suspendedUntil ? ` until ${viewer.suspendedUntil.toUTCString()}` : "";
    throw new AppError("FORBIDDEN", `Your account is suspended${until}. You can read, but not write.`);
  }
}

/** Whether the request carries a session of a banned account (which `getViewer` treats as signed out). */
async function sessionOfBannedAccount(): Promise<boolean> {
  const jar = await cookies();
  const token = await decodeSessionToken(jar.get(SESSION_COOKIE)?.value);
  if (!token || typeof token.uid !== "string") return false;
  const user = await db.user.findUnique({ where: { id: token.uid }, select: { standing: true } });
  return user?.standing === "BANNED";
}

/** The current viewer, if they may write; throws AppError (401/403) otherwise, saying plainly when the account is banned. */
export async function requireUser(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer && (await sessionOfBannedAccount())) throw new AppError("FORBIDDEN", "Your account is banned: you can read Glossa, but not write.");
  assertCanWrite(viewer);
  return viewer;
}

const RANK: Record<Role, number> = { READER: 0, MODERATOR: 1, ADMIN: 2 };

/** Whether a role includes another (an admin is also a moderator). */
export function hasRole(viewer: Pick<Viewer, "role">, role: Role): boolean {
  return RANK[viewer.role] >= RANK[role];
}

/** Refuses a viewer who may not write (see `assertCanWrite`) or lacks `role`: 401, or 403 saying who may. */
export function assertRole(viewer: Viewer | null, role: Role): asserts viewer is Viewer {
  assertCanWrite(viewer);
  if (!hasRole(viewer, role)) throw new AppError("FORBIDDEN", role === "ADMIN" ? "Only admins can do that." : "Only moderators can do that.");
}

/** The current viewer if they may write and hold `role` (or a higher one); 403 otherwise. */
export async function requireRole(role: Role): Promise<Viewer> {
  const viewer = await getViewer();
  assertRole(viewer, role);
  return viewer;
}
