import "server-only";
import { queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { ANNOTATION_PAGE_SIZE, type ContainerContents } from "./protocol";
import { loadAnnotationSources, visibleEntriesSql, type AnnotatedEssay, type AnnotationEntry } from "./sources";
import { toWebAnnotation } from "./web-annotation";

/**
 * One page of an essay's annotation container as `viewerId` (null: signed
 * out) may see it, with the container's total and last modification (what
 * its ETag changes with). `page` null counts without loading any member (a
 * minimal container embeds none).
 */
export async function listAnnotations(origin: string, essay: AnnotatedEssay, viewerId: string | null, page: number | null): Promise<ContainerContents> {
  const visible = visibleEntriesSql(essay.id, viewerId);
  const [[summary], entries] = await Promise.all([
    queryRows<{ total: number; modified: Date | null }>(Prisma.sql`SELECT count(*)::int AS total, max(modified) AS modified FROM (${visible}) v`),
    page === null
      ? Promise.resolve([])
      : queryRows<AnnotationEntry>(Prisma.sql`SELECT kind, id, "authorId" FROM (${visible}) v ORDER BY "createdAt", kind, id LIMIT ${ANNOTATION_PAGE_SIZE} OFFSET ${page * ANNOTATION_PAGE_SIZE}`),
  ]);
  const sources = await loadAnnotationSources(essay, entries, viewerId);
  return { slug: essay.slug, title: essay.title, total: summary?.total ?? 0, modified: summary?.modified ?? null, items: sources.map((source) => toWebAnnotation(origin, source)) };
}
