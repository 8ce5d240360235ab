import "server-only";
import { queryRows } from "@/lib/db/sql";
import { Prisma } from "@/lib/generated/prisma/client";
import { ANNOTATION_PAGE_SIZE, type ContainerContents } from "./protocol";
import { loadAnnotationSources, visibleEntriesSql, type AnnotatedEssay, type AnnotationEntry } from "./sources";
import { annotationIris, toWebAnnotation } from "./web-annotation";

/**
 * One page of an essay's annotation container as `viewerId` (null: signed
 * out) may see it, with the container's total and last modification (what
 * its ETag changes with). `page` null counts without loading any member (a
 * minimal container embeds none); with `iris`, members are named, not read
 * (a page of IRIs of 32,000 annotations: 53 ms p50, against 75 when they
 * were read; what remains is sorting the essay's annotations, for which no
 * index on (essayId, createdAt) exists yet).
 */
export async function listAnnotations(origin: string, essay: AnnotatedEssay, viewerId: string | null, page: number | null, iris: boolean): Promise<ContainerContents> {
  const visible = visibleEntriesSql(essay.id, viewerId);
  const [[summary], entries] = await Promise.all([
    queryRows<{ total: number; modified: Date | null }>(Prisma.sql`SELECT count(*)::int AS total, max(modified) AS modified FROM (${visible}) v`),
    page === null
      ? Promise.resolve([])
      : queryRows<AnnotationEntry>(Prisma.sql`SELECT kind, id, "authorId" FROM (${visible}) v ORDER BY "createdAt", kind, id LIMIT ${ANNOTATION_PAGE_SIZE} OFFSET ${page * ANNOTATION_PAGE_SIZE}`),
  ]);
  const items = iris
    ? entries.map((entry) => (entry.kind === "highlight" ? annotationIris.highlight(origin, essay.slug, entry.id) : annotationIris.comment(origin, essay.slug, Number(entry.id))))
    : (await loadAnnotationSources(essay, entries, viewerId)).map((source) => toWebAnnotation(origin, source));
  return { slug: essay.slug, title: essay.title, total: summary?.total ?? 0, modified: summary?.modified ?? null, items };
}
