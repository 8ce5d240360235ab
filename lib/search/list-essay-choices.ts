import "server-only";
import { db } from "@/lib/db/client";

/** The published essays, by title, for the search page's essay filter. */
export async function listEssayChoices(): Promise<{ slug: string; title: string }[]> {
  const essays = await db.essay.findMany({ where: { unpublishedAt: null, currentRevisionId: { not: null } }, select: { slug: true, currentRevision: { select: { title: true } } } });
  return essays.map((essay) => ({ slug: essay.slug, title: essay.currentRevision!.title })).sort((a, b) => a.title.localeCompare(b.title));
}
