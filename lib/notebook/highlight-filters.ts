import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { HighlightFilters } from "./schemas";

/**
 * The reader's own live highlights that match the filters: private ones
 * included, deleted ones never, and only on essays readers can open (an
 * unpublished essay's highlights come back with it). The notebook and the
 * exports list the same rows.
 */
export function ownHighlightsWhere(authorId: string, filters: HighlightFilters): Prisma.HighlightWhereInput {
  return {
    authorId,
    deletedAt: null,
    essay: { unpublishedAt: null, currentRevisionId: { not: null }, ...(filters.essay ? { slug: filters.essay } : {}) },
    ...(filters.colour ? { colour: filters.colour.toUpperCase() as Uppercase<typeof filters.colour> } : {}),
    ...(filters.tag ? { tags: { has: filters.tag } } : {}),
    ...(filters.visibility ? { visibility: filters.visibility === "public" ? ("PUBLIC" as const) : ("PRIVATE" as const) } : {}),
  };
}
