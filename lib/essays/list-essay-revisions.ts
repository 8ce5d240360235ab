import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";

/** An essay named by its id (the API) or its slug (pages). */
export type EssayKey = { id: string } | { slug: string };

/** One revision in an essay's history. */
export interface RevisionSummary {
  number: number;
  title: string;
  words: number;
  note: string | null;
  /** The editor who published it, or null for the seed and command-line imports whose account is gone. */
  editor: { handle: string; name: string } | null;
  createdAt: string;
  current: boolean;
}

/** Every revision of a published essay, newest first (anyone may read the history). */
export async function listEssayRevisions(essay: EssayKey): Promise<{ essayId: string; slug: string; title: string; revisions: RevisionSummary[] }> {
  const found = await db.essay.findUnique({
    where: essay,
    select: {
      id: true,
      slug: true,
      unpublishedAt: true,
      currentRevisionId: true,
      revisions: {
        orderBy: { number: "desc" },
        select: { id: true, number: true, title: true, wordCount: true, note: true, createdAt: true, importedBy: { select: { handle: true, name: true, deletedAt: true } } },
      },
    },
  });
  if (!found || found.unpublishedAt || found.revisions.length === 0) throw new AppError("NOT_FOUND", "That essay does not exist.");
  return {
    essayId: found.id,
    slug: found.slug,
    title: found.revisions.find((revision) => revision.id === found.currentRevisionId)?.title ?? found.revisions[0]!.title,
    revisions: found.revisions.map((revision) => ({
      number: revision.number,
      title: revision.title,
      words: revision.wordCount,
      note: revision.note,
      editor: revision.importedBy && !revision.importedBy.deletedAt ? { handle: revision.importedBy.handle, name: revision.importedBy.name } : null,
      createdAt: revision.createdAt.toISOString(),
      current: revision.id === found.currentRevisionId,
    })),
  };
}
