import "server-only";
import { db } from "@/lib/db/client";

/** Handles offered at most per search. */
export const HANDLE_RESULTS = 8;

/** A reader as the handle search shows them: what their public profile shows anyway, nothing else. */
export interface HandleMatch {
  handle: string;
  name: string;
}

/**
 * Readers whose handle starts with `prefix` (handles are stored lower-cased),
 * in alphabetical order, for @mention autocomplete. Banned and deleted accounts are
 * left out: they cannot be mentioned.
 */
export async function searchHandles(prefix: string): Promise<HandleMatch[]> {
  return db.user.findMany({
    where: { handle: { startsWith: prefix.toLowerCase() }, standing: { not: "BANNED" }, deletedAt: null },
    orderBy: [{ handle: "asc" }],
    take: HANDLE_RESULTS,
    select: { handle: true, name: true },
  });
}
