import "server-only";
import { db } from "@/lib/db/client";
import { readingMinutesForWords, type EssayBlock } from "./document";

export interface EssaySummary {
  slug: string;
  title: string;
  dek: string | null;
  byline: string | null;
  attribution: string | null;
  readingMinutes: number;
  highlightCount: number;
  commentCount: number;
  updatedAt: Date;
}

/** The essays for the home page, newest first, with public activity counts. */
export async function listEssays(): Promise<EssaySummary[]> {
  const essays = await db.essay.findMany({
    where: { currentRevisionId: { not: null }, unpublishedAt: null },
    orderBy: { createdAt: "desc" },
    select: {
      slug: true,
      updatedAt: true,
      currentRevision: { select: { title: true, dek: true, byline: true, attribution: true, wordCount: true } },
      _count: {
        select: {
          highlights: { where: { visibility: "PUBLIC", deletedAt: null } },
          comments: { where: { status: "PUBLISHED", deletedAt: null } },
        },
      },
    },
  });
  return essays.flatMap(({ slug, updatedAt, currentRevision, _count }) =>
    currentRevision
      ? [
          {
            slug,
            updatedAt,
            title: currentRevision.title,
            dek: currentRevision.dek,
            byline: currentRevision.byline,
            attribution: currentRevision.attribution,
            readingMinutes: readingMinutesForWords(currentRevision.wordCount),
            highlightCount: _count.highlights,
            commentCount: _count.comments,
          },
        ]
      : [],
  );
}

export interface EssayForReading {
  id: string;
  slug: string;
  revisionId: string;
  revisionNumber: number;
  title: string;
  dek: string | null;
  byline: string | null;
  attribution: string | null;
  source: string | null;
  readingMinutes: number;
  blocks: EssayBlock[];
  text: string;
  commentsOpen: boolean;
  highlightsOpen: boolean;
  updatedAt: Date;
  /** How many revisions it has had: the page links to the history when there is more than one. */
  revisionCount: number;
}

/** The current revision of an essay, ready to render; null for an unknown slug. */
export async function getEssayForReading(slug: string): Promise<EssayForReading | null> {
  const essay = await db.essay.findUnique({
    where: { slug },
    include: { currentRevision: true },
  });
  const revision = essay?.currentRevision;
  // An unpublished essay reads as one that does not exist; its editors find it at /editor.
  if (!essay || !revision || essay.unpublishedAt) return null;
  return {
    id: essay.id,
    slug: essay.slug,
    revisionId: revision.id,
    revisionNumber: revision.number,
    title: revision.title,
    dek: revision.dek,
    byline: revision.byline,
    attribution: revision.attribution,
    source: essay.source,
    readingMinutes: readingMinutesForWords(revision.wordCount),
    blocks: revision.blocks as unknown as EssayBlock[],
    text: revision.text,
    commentsOpen: essay.commentsOpen,
    highlightsOpen: essay.highlightsOpen,
    updatedAt: revision.createdAt,
    revisionCount: revision.number,
  };
}
