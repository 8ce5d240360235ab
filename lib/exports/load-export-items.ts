import "server-only";
import { describe } from "@/lib/anchoring";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ownHighlightsWhere } from "@/lib/notebook/highlight-filters";
import type { HighlightFilters } from "@/lib/notebook/schemas";
import type { ExportComment, ExportEssay, ExportHighlight, ExportItems, ExportPassage } from "./items";

const essaySelect = { slug: true, currentRevision: { select: { title: true, createdAt: true } } } satisfies Prisma.EssaySelect;

type EssayRow = Prisma.EssayGetPayload<{ select: typeof essaySelect }>;

function exportEssay(row: EssayRow): ExportEssay {
  return { slug: row.slug, title: row.currentRevision?.title ?? row.slug, revisedAt: row.currentRevision?.createdAt ?? new Date(0) };
}

const STATUS = { PUBLISHED: "published", HELD: "held", HIDDEN: "hidden" } as const;

/**
 * The reader's own highlights and comments for an export: deleted ones
 * never, private highlights (theirs), held and hidden comments (theirs,
 * marked). With `allEssays` (the account export) their items on unpublished
 * essays are included; otherwise only on essays readers can open, and
 * filtered as the notebook is. Comments have no colour, tag or visibility,
 * so a filter on any of those leaves them out.
 *
 * Every passage is described on the revision its highlight is anchored on
 * (its words are that revision's text at start..end, with the context
 * around them), which is what the annotations' selectors must say; after a
 * revision changed the words, they may differ from what was first
 * highlighted.
 */
export async function loadExportItems(readerId: string, filters: HighlightFilters, options: { allEssays?: boolean } = {}): Promise<ExportItems> {
  const highlightWhere: Prisma.HighlightWhereInput = options.allEssays ? { authorId: readerId, deletedAt: null } : ownHighlightsWhere(readerId, filters);
  const withComments = options.allEssays || (!filters.colour && !filters.tag && !filters.visibility);
  const [reader, highlights, comments] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: readerId }, select: { handle: true, name: true } }),
    db.highlight.findMany({
      where: highlightWhere,
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        revisionId: true,
        start: true,
        end: true,
        status: true,
        colour: true,
        note: true,
        noteHiddenAt: true,
        tags: true,
        visibility: true,
        createdAt: true,
        updatedAt: true,
        essay: { select: essaySelect },
      },
    }),
    withComments
      ? db.comment.findMany({
          where: {
            authorId: readerId,
            deletedAt: null,
            ...(options.allEssays ? {} : { essay: { unpublishedAt: null, currentRevisionId: { not: null }, ...(filters.essay ? { slug: filters.essay } : {}) } }),
          },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: {
            id: true,
            body: true,
            status: true,
            parentId: true,
            highlightId: true,
            createdAt: true,
            updatedAt: true,
            essay: { select: essaySelect },
            highlight: { select: { revisionId: true, start: true, end: true, deletedAt: true } },
          },
        })
      : Promise.resolve([]),
  ]);
  const revisionIds = new Set([...highlights.map((row) => row.revisionId), ...comments.flatMap((row) => (row.highlight && !row.highlight.deletedAt ? [row.highlight.revisionId] : []))]);
  const revisions = new Map((await db.essayRevision.findMany({ where: { id: { in: [...revisionIds] } }, select: { id: true, text: true, createdAt: true } })).map((row) => [row.id, row]));
  const passage = (revisionId: string, start: number, end: number): ExportPassage | null => {
    const revision = revisions.get(revisionId);
    if (!revision || end > revision.text.length || end <= start) return null;
    const { quote } = describe(revision.text, start, end);
    return { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, start, end, revisionId, revisionCreatedAt: revision.createdAt };
  };
  const exportedHighlights: ExportHighlight[] = highlights.flatMap((row) => {
    const on = passage(row.revisionId, row.start, row.end);
    if (!on) return [];
    return [
      {
        kind: "highlight" as const,
        id: row.id,
        essay: exportEssay(row.essay),
        passage: on,
        orphaned: row.status === "ORPHANED",
        colour: row.colour.toLowerCase(),
        note: row.note,
        noteHidden: row.noteHiddenAt !== null,
        tags: row.tags,
        visibility: row.visibility === "PUBLIC" ? ("public" as const) : ("private" as const),
        created: row.createdAt,
        modified: row.updatedAt,
      },
    ];
  });
  const exportedComments: ExportComment[] = comments.map((row) => ({
    kind: "comment",
    id: row.id,
    essay: exportEssay(row.essay),
    body: row.body,
    status: STATUS[row.status],
    highlightId: row.highlightId,
    passage: row.highlight && !row.highlight.deletedAt ? passage(row.highlight.revisionId, row.highlight.start, row.highlight.end) : null,
    parentId: row.parentId,
    created: row.createdAt,
    modified: row.updatedAt,
  }));
  return { reader, highlights: exportedHighlights, comments: exportedComments };
}
