import "server-only";
import { AppError } from "@/lib/errors";
import type { Guard } from "@/lib/http/contract";
import { sanctionCookieOf } from "./sanction-token";
import { findSanctionedReader, refuseUnsanctioned, type SanctionedReader } from "./sanctioned-reader";
import { assertCanWrite, assertRole, sessionForRequest, type Viewer } from "./viewer";

/** The viewer a guard lets through: none for `public` when signed out, the sanctioned account for `sanctioned`, always one otherwise. */
export type AdmittedViewer<G extends Guard> = G extends "public" ? Viewer | null : G extends "sanctioned" ? SanctionedReader : Viewer;

/**
 * Applies an operation's guard to a request: 401 when it needs a session and
 * has none, 403 for a banned account (said plainly, though a banned session
 * reads as signed out), for a suspended one where the guard needs a writer,
 * and for a missing role. `public` never refuses. With `apiTokens`, a bearer
 * token stands in for the cookie and is judged the same way (a banned
 * reader's token is refused as their session would be). `sanctioned` admits
 * only a reader under a sanction (lib/auth/sanctioned-reader.ts), a banned
 * one by the ban notice's token, which stands in for the session they no
 * longer have.
 */
export async function admitViewer<G extends Guard>(guard: G, request: Request, options: { apiTokens?: boolean } = {}): Promise<AdmittedViewer<G>> {
  const { viewer, banned } = await sessionForRequest(request, options);
  if (guard === "public") return viewer as AdmittedViewer<G>;
  if (guard === "sanctioned") {
    const reader = await findSanctionedReader({ viewer, banned, sessionVersion: null }, sanctionCookieOf(request));
    return (reader ?? refuseUnsanctioned({ viewer, banned, sessionVersion: null })) as AdmittedViewer<G>;
  }
  if (!viewer && banned) throw new AppError("FORBIDDEN", "Your account is banned: you can read Glossa, but not write.");
  if (!viewer) throw new AppError("UNAUTHENTICATED", "Sign in to do that.");
  if (guard === "writer") assertCanWrite(viewer);
  else if (typeof guard === "object") assertRole(viewer, guard.role);
  return viewer as AdmittedViewer<G>;
}
