import type { Prisma } from "@/lib/generated/prisma/client";
import type { DiffPart } from "@/lib/essays/diff-words";
import type { HighlightColourName } from "./colours";
import { fieldTagsOf } from "./tags";

/** The fields of a highlight row that any reader-facing view needs. */
export const highlightViewSelect = {
  id: true,
  revisionId: true,
  start: true,
  end: true,
  exact: true,
  colour: true,
  note: true,
  tags: true,
  noteHiddenAt: true,
  noteHiddenReason: true,
  visibility: true,
  status: true,
  passageDiff: true,
  createdAt: true,
  updatedAt: true,
  author: { select: { id: true, handle: true, name: true } },
  _count: { select: { comments: { where: { status: "PUBLISHED", deletedAt: null } } } },
} satisfies Prisma.HighlightSelect;

/** A highlight row with what its view needs. */
export type HighlightRow = Prisma.HighlightGetPayload<{ select: typeof highlightViewSelect }>;

/** A highlight as sent to a browser. */
export interface HighlightView {
  id: string;
  /** The revision `start`/`end` refer to. */
  revisionId: string;
  start: number;
  end: number;
  /** The highlighted words (the selectors' context stays on the server). */
  exact: string;
  colour: HighlightColourName;
  note: string | null;
  /** Lower-cased, without "#": the tag field's words and the note's #tags (lib/highlights/tags.ts). */
  tags: string[];
  /** Set on the author's own view when a moderator hid the note from everyone else. */
  noteHiddenReason: string | null;
  visibility: "private" | "public";
  orphaned: boolean;
  /** Set when a revision changed the words under the highlight: the diff from the words it was made on to those it covers now. */
  passageChange: DiffPart[] | null;
  mine: boolean;
  author: { handle: string; name: string };
  commentCount: number;
  createdAt: string;
  updatedAt: string;
}

/** Shapes a row for `viewerId`; a moderator-hidden note is shown only to its author. */
export function toHighlightView(row: HighlightRow, viewerId: string | null): HighlightView {
  const mine = viewerId !== null && row.author.id === viewerId;
  return {
    id: row.id,
    revisionId: row.revisionId,
    start: row.start,
    end: row.end,
    exact: row.exact,
    colour: row.colour.toLowerCase() as HighlightColourName,
    note: row.noteHiddenAt && !mine ? null : row.note,
    // A hidden note's #words are hidden with it.
    tags: row.noteHiddenAt && !mine ? fieldTagsOf(row.tags, row.note) : row.tags,
    noteHiddenReason: row.noteHiddenAt && mine ? (row.noteHiddenReason ?? "Hidden by the moderators.") : null,
    visibility: row.visibility === "PUBLIC" ? "public" : "private",
    orphaned: row.status === "ORPHANED",
    passageChange: row.status === "ANCHORED" && Array.isArray(row.passageDiff) ? (row.passageDiff as unknown as DiffPart[]) : null,
    mine,
    author: { handle: row.author.handle, name: row.author.name },
    commentCount: row._count.comments,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
