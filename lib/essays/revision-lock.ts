import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The advisory lock that orders an essay's revisions against writes that
 * anchor to its current revision (a new highlight, a re-attachment). A
 * revision holds it exclusively from before it reads the highlights to
 * re-anchor until it commits; those writes hold it shared (they do not wait
 * for each other) from before they read the current revision. Without it a
 * highlight made on the old revision while a revision was being published
 * committed after the re-anchoring had read the highlights, and was left on
 * the old revision: neither painted nor listed as an orphan. An advisory lock
 * rather than a row lock on the essay: a shared row lock writes a multixact
 * to the row on every highlight, a shared advisory lock touches no row.
 */
export function revisionLock(essayId: string, mode: "exclusive" | "shared"): Prisma.Sql {
  const key = `essay-revision:${essayId}`;
  // A select-list item, so a write can take it in the same round trip as its other locks.
  return mode === "exclusive" ? Prisma.sql`pg_advisory_xact_lock(hashtext(${key}))::text AS "revisionLocked"` : Prisma.sql`pg_advisory_xact_lock_shared(hashtext(${key}))::text AS "revisionLocked"`;
}
