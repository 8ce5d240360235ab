import "server-only";
import { db } from "@/lib/db/client";
import type { HighlightColourName } from "@/lib/highlights/colours";
import { ownHighlightsWhere } from "./highlight-filters";
import type { NotebookQuery } from "./schemas";

/** Highlights per notebook page. */
export const NOTEBOOK_PAGE_SIZE = 50;

/** One of the reader's highlights as their notebook shows it. */
export interface NotebookEntry {
  id: string;
  essay: { slug: string; title: string };
  exact: string;
  colour: HighlightColourName;
  note: string | null;
  /** Set when a moderator hid the (public) note from everyone else. */
  noteHiddenReason: string | null;
  tags: string[];
  visibility: "private" | "public";
  /** Its passage was removed by a revision: the link opens the essay, not the passage. */
  orphaned: boolean;
  commentCount: number;
  createdAt: string;
}

/** A page of the notebook and how many match in all. */
export interface NotebookPage {
  entries: NotebookEntry[];
  total: number;
  page: number;
  pageCount: number;
}

/**
 * One page of every highlight `authorId` made, private ones included,
 * filtered (lib/notebook/schemas.ts): newest first, or grouped by essay
 * (essays by title, each in reading order).
 */
export async function listNotebookHighlights(authorId: string, query: NotebookQuery): Promise<NotebookPage> {
  const where = ownHighlightsWhere(authorId, query);
  const total = await db.highlight.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / NOTEBOOK_PAGE_SIZE));
  const page = Math.min(query.page ?? 1, pageCount);
  const rows = await db.highlight.findMany({
    where,
    orderBy:
      query.sort === "essay"
        ? [{ essay: { currentRevision: { title: "asc" } } }, { essay: { slug: "asc" } }, { status: "asc" }, { start: "asc" }, { id: "asc" }]
        : [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * NOTEBOOK_PAGE_SIZE,
    take: NOTEBOOK_PAGE_SIZE,
    select: {
      id: true,
      exact: true,
      colour: true,
      note: true,
      noteHiddenAt: true,
      noteHiddenReason: true,
      tags: true,
      visibility: true,
      status: true,
      createdAt: true,
      essay: { select: { slug: true, currentRevision: { select: { title: true } } } },
      _count: { select: { comments: { where: { status: "PUBLISHED", deletedAt: null } } } },
    },
  });
  const entries = rows.map((row) => ({
    id: row.id,
    essay: { slug: row.essay.slug, title: row.essay.currentRevision?.title ?? row.essay.slug },
    exact: row.exact,
    colour: row.colour.toLowerCase() as HighlightColourName,
    note: row.note,
    noteHiddenReason: row.noteHiddenAt ? (row.noteHiddenReason ?? "Hidden by the moderators.") : null,
    tags: row.tags,
    visibility: row.visibility === "PUBLIC" ? ("public" as const) : ("private" as const),
    orphaned: row.status === "ORPHANED",
    commentCount: row._count.comments,
    createdAt: row.createdAt.toISOString(),
  }));
  return { entries, total, page, pageCount };
}
