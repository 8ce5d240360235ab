import "server-only";
import { db } from "@/lib/db/client";
import { ownHighlightsWhere } from "./highlight-filters";

/** What the notebook's filters offer: the essays the reader highlighted and the tags they used, each with its count. */
export interface NotebookFacets {
  essays: { slug: string; title: string; count: number }[];
  tags: { tag: string; count: number }[];
}

/**
 * The essays and tags of all of `authorId`'s highlights (unfiltered), for
 * the notebook's filter menus: essays by title, tags most used first.
 */
export async function listNotebookFacets(authorId: string): Promise<NotebookFacets> {
  const where = ownHighlightsWhere(authorId, {});
  const [perEssay, tagged] = await Promise.all([
    db.highlight.groupBy({ by: ["essayId"], where, _count: { _all: true } }),
    db.highlight.findMany({ where: { ...where, tags: { isEmpty: false } }, select: { tags: true } }),
  ]);
  const essays = await db.essay.findMany({ where: { id: { in: perEssay.map((row) => row.essayId) } }, select: { id: true, slug: true, currentRevision: { select: { title: true } } } });
  const counts = new Map(perEssay.map((row) => [row.essayId, row._count._all]));
  const tagCounts = new Map<string, number>();
  for (const { tags } of tagged) for (const tag of tags) tagCounts.set(tag, (tagCounts.get(tag) ?? 0) + 1);
  return {
    essays: essays.map((essay) => ({ slug: essay.slug, title: essay.currentRevision?.title ?? essay.slug, count: counts.get(essay.id) ?? 0 })).sort((a, b) => a.title.localeCompare(b.title, "en")),
    tags: [...tagCounts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag, "en")),
  };
}
