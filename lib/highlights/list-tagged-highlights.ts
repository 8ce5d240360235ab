import "server-only";
import { db } from "@/lib/db/client";
import type { HighlightColourName } from "./colours";
import { fieldTagsOf } from "./tags";

/** Highlights per tag page. */
export const TAG_PAGE_SIZE = 50;

/** A public highlight on a tag's page. */
export interface TaggedHighlight {
  id: string;
  exact: string;
  colour: HighlightColourName;
  /** Null when there is none or the moderators hid it (`noteHidden`). */
  note: string | null;
  noteHidden: boolean;
  tags: string[];
  orphaned: boolean;
  author: { handle: string; name: string };
  essay: { slug: string; title: string };
  createdAt: string;
}

/**
 * One page of the public highlights tagged `tag`, newest first: never
 * private, deleted or on an unpublished essay. A note the moderators hid is
 * not shown, nor are the tags its #words gave, so a highlight is listed here
 * for a tag only its hidden note carried on no page.
 */
export async function listTaggedHighlights(tag: string, page: number): Promise<{ highlights: TaggedHighlight[]; hasMore: boolean }> {
  const rows = await db.highlight.findMany({
    where: { tags: { has: tag }, visibility: "PUBLIC", deletedAt: null, essay: { unpublishedAt: null, currentRevisionId: { not: null } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * TAG_PAGE_SIZE,
    take: TAG_PAGE_SIZE + 1,
    select: {
      id: true,
      exact: true,
      colour: true,
      note: true,
      noteHiddenAt: true,
      tags: true,
      status: true,
      createdAt: true,
      author: { select: { handle: true, name: true } },
      essay: { select: { slug: true, currentRevision: { select: { title: true } } } },
    },
  });
  const highlights = rows.slice(0, TAG_PAGE_SIZE).flatMap((row) => {
    const tags = row.noteHiddenAt ? fieldTagsOf(row.tags, row.note) : row.tags;
    if (!tags.includes(tag)) return [];
    return [
      {
        id: row.id,
        exact: row.exact,
        colour: row.colour.toLowerCase() as HighlightColourName,
        note: row.noteHiddenAt ? null : row.note,
        noteHidden: row.noteHiddenAt !== null,
        tags,
        orphaned: row.status === "ORPHANED",
        author: row.author,
        essay: { slug: row.essay.slug, title: row.essay.currentRevision?.title ?? row.essay.slug },
        createdAt: row.createdAt.toISOString(),
      },
    ];
  });
  return { highlights, hasMore: rows.length > TAG_PAGE_SIZE };
}
