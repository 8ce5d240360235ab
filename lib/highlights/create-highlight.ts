import "server-only";
import { describe } from "@/lib/anchoring";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toHighlightView, highlightViewSelect, type HighlightView } from "./view";
import type { CreateHighlightInput } from "./schemas";

type NewHighlight = Pick<CreateHighlightInput, "revisionId" | "start" | "end" | "exact" | "colour" | "note" | "visibility">;

/**
 * Stores a highlight inside a transaction, after checking it: the essay
 * accepts highlights, the selection is on its current revision, and its
 * words are exactly the revision's text at the given offsets. A forged or
 * stale anchor is refused with 422 rather than stored on the wrong words.
 * The quote selector's prefix and suffix are computed here, not trusted.
 */
export async function insertHighlight(tx: Prisma.TransactionClient, authorId: string, essay: { id: string }, input: NewHighlight) {
  const current = await tx.essay.findUnique({ where: { id: essay.id }, select: { highlightsOpen: true, currentRevision: { select: { id: true, text: true } } } });
  if (!current?.currentRevision) throw new AppError("NOT_FOUND", "That essay does not exist.");
  if (!current.highlightsOpen) throw new AppError("FORBIDDEN", "Highlighting is closed on this essay.");
  const revision = current.currentRevision;
  if (input.revisionId !== revision.id) {
    throw new AppError("VALIDATION", "The essay has been revised since this page was loaded. Reload the page and highlight the passage again.", {
      fieldErrors: { revisionId: ["This is not the essay's current revision."] },
    });
  }
  if (input.end > revision.text.length || revision.text.slice(input.start, input.end) !== input.exact) {
    throw new AppError("VALIDATION", "The highlighted words do not match the essay at that position. Reload the page and try again.", {
      fieldErrors: { exact: ["These words are not in the essay at the given position."] },
    });
  }
  const selectors = describe(revision.text, input.start, input.end);
  return tx.highlight.create({
    data: {
      essayId: essay.id,
      authorId,
      revisionId: revision.id,
      originalRevisionId: revision.id,
      exact: selectors.quote.exact,
      prefix: selectors.quote.prefix,
      suffix: selectors.quote.suffix,
      start: selectors.position.start,
      end: selectors.position.end,
      colour: input.colour.toUpperCase() as Uppercase<typeof input.colour>,
      note: input.note,
      visibility: input.visibility === "public" ? "PUBLIC" : "PRIVATE",
    },
    select: highlightViewSelect,
  });
}

/** Stores a highlight made by `authorId` on the essay `essayId` (see insertHighlight for the checks). */
export async function createHighlight(authorId: string, essayId: string, input: CreateHighlightInput): Promise<HighlightView> {
  const row = await db.$transaction((tx) => insertHighlight(tx, authorId, { id: essayId }, input));
  return toHighlightView(row, authorId);
}
