import "server-only";
import { queryRows } from "@/lib/db/sql";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { loadAnnotationSources, visibleEntriesSql, type AnnotatedEssay, type AnnotationEntry } from "./sources";
import { parseAnnotationId, toWebAnnotation, type AnnotationSource, type WebAnnotation } from "./web-annotation";

/** An annotation as its reader may see it, with what a change to it is judged by. */
export interface FoundAnnotation {
  source: AnnotationSource;
  annotation: WebAnnotation;
  /** Who made it (null: an account deleted with its contributions kept). */
  authorId: string | null;
}

/**
 * The annotation `segment` names in the essay's container, as `viewerId`
 * may see it. What they may not see (another reader's private highlight, a
 * held, hidden or deleted comment, an annotation of another essay) is 404
 * exactly like an id that never existed, never 403: the answer does not
 * tell whether it exists.
 */
export async function getAnnotation(origin: string, essay: AnnotatedEssay, segment: string, viewerId: string | null): Promise<FoundAnnotation> {
  const named = parseAnnotationId(segment);
  const [entry] = named ? await queryRows<AnnotationEntry>(Prisma.sql`SELECT kind, id, "authorId" FROM (${visibleEntriesSql(essay.id, viewerId, named)}) v`) : [];
  const [source] = entry ? await loadAnnotationSources(essay, [entry], viewerId) : [];
  if (!entry || !source) throw new AppError("NOT_FOUND", "There is no annotation at this address.");
  return { source, annotation: toWebAnnotation(origin, source), authorId: entry.authorId };
}
