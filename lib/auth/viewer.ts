import "server-only";
import { decode, type JWT } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import { queryRows } from "@/lib/db/sql";
import { Prisma, type Role, type Standing } from "@/lib/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { bearerSecret, sessionFromApiToken } from "@/lib/api-tokens/authenticate-api-token";
import { authSecret, SESSION_COOKIE } from "./config";

/** The signed-in reader as the database says they are now, not as their cookie remembers. */
export interface Viewer {
  id: string;
  handle: string;
  name: string;
  role: Role;
  standing: Standing;
  suspendedUntil: Date | null;
  /** The account's address is confirmed (or its OAuth provider vouched for it): unconfirmed accounts may not publish while the site requires it. */
  emailVerified: boolean;
  createdAt: Date;
}

/** What a session cookie amounts to now: the viewer, or none, and whether that is because the account is banned. */
export interface Session {
  viewer: Viewer | null;
  banned: boolean;
  /** The account's session version this session holds, with a viewer (null for an API token's, which has none): a long-lived stream ends when it moves on (lib/notifications/bell-stream.ts). */
  sessionVersion: number | null;
}

const SIGNED_OUT: Session = { viewer: null, banned: false, sessionVersion: null };

/**
 * The account behind a session token, re-read from the database: no viewer
 * when the token is missing or invalid, the account is deleted or banned, or
 * the token's session version is older than the account's (after "sign out
 * everywhere", a password change or a ban). Credentials sessions are JWTs, so
 * this check is what makes a demotion or ban take effect at the next request.
 */
export async function sessionFromToken(token: JWT | null): Promise<Session> {
  if (!token || typeof token.uid !== "string" || typeof token.sv !== "number") return SIGNED_OUT;
  // Every signed-in request asks this, so it is a prepared statement on the hot-path pool.
  const [user] = await queryRows<Viewer & { sessionVersion: number; deletedAt: Date | null }>(Prisma.sql`
    SELECT id, handle, name, role::text AS role, standing::text AS standing, "suspendedUntil", "emailVerified" IS NOT NULL AS "emailVerified", "createdAt", "sessionVersion", "deletedAt"
    FROM "User" WHERE id = ${token.uid}`);
  if (!user || user.deletedAt) return SIGNED_OUT;
  if (user.standing === "BANNED") return { viewer: null, banned: true, sessionVersion: null };
  if (user.sessionVersion !== token.sv) return SIGNED_OUT;
  const { sessionVersion, deletedAt: _deleted, ...viewer } = user;
  return { viewer, banned: false, sessionVersion };
}

/** The viewer behind a session token (see `sessionFromToken`), or null. */
export async function viewerFromToken(token: JWT | null): Promise<Viewer | null> {
  return (await sessionFromToken(token)).viewer;
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

/** The session cookie's value in a Cookie header. */
function sessionCookieValue(header: string | null): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const separator = part.indexOf("=");
    if (separator > 0 && part.slice(0, separator).trim() === SESSION_COOKIE) return part.slice(separator + 1).trim();
  }
  return undefined;
}

const sessionsByRequest = new WeakMap<Request, Promise<Session>>();
const tokenSessionsByRequest = new WeakMap<Request, Promise<Session>>();

/**
 * The session of an API request, read once per request however many steps
 * ask. With `apiTokens` (an operation that takes personal API tokens) and an
 * `Authorization: Bearer` header, the session is the token's alone and the
 * cookie is ignored: a request carrying both acts as the token's reader,
 * never as a mixture, and an invalid token is 401 rather than a quiet fall
 * back to the cookie (see sessionFromApiToken).
 */
export function sessionForRequest(request: Request, options: { apiTokens?: boolean } = {}): Promise<Session> {
  const secret = options.apiTokens ? bearerSecret(request) : null;
  const cache = secret === null ? sessionsByRequest : tokenSessionsByRequest;
  let session = cache.get(request);
  if (!session) {
    session = secret === null ? decodeSessionToken(sessionCookieValue(request.headers.get("cookie"))).then(sessionFromToken) : sessionFromApiToken(secret);
    cache.set(request, session);
  }
  return session;
}

/** The viewer of the page being rendered, or null when signed out: read once per render, however many components ask. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const jar = await cookies();
  return viewerFromToken(await decodeSessionToken(jar.get(SESSION_COOKIE)?.value));
});

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

const RANK: Record<Role, number> = { READER: 0, EDITOR: 1, MODERATOR: 2, ADMIN: 3 };

const ROLE_REFUSAL: Record<Role, string> = {
  READER: "Sign in to do that.",
  EDITOR: "Only editors can do that.",
  MODERATOR: "Only moderators can do that.",
  ADMIN: "Only admins can do that.",
};

/** Whether a role includes another (an admin is also a moderator). */
export function hasRole(viewer: Pick<Viewer, "role">, role: Role): boolean {
  return RANK[viewer.role] >= RANK[role];
}

/** Refuses a viewer who may not write (see `assertCanWrite`) or lacks `role`: 401, or 403 saying who may. */
export function assertRole(viewer: Viewer | null, role: Role): asserts viewer is Viewer {
  assertCanWrite(viewer);
  if (!hasRole(viewer, role)) throw new AppError("FORBIDDEN", ROLE_REFUSAL[role]);
}
