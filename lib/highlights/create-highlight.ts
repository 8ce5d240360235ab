import "server-only";
import { describe } from "@/lib/anchoring";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { toHighlightView, highlightViewSelect, type HighlightView } from "./view";
import type { CreateHighlightInput } from "./schemas";

/**
 * Stores a highlight made by `authorId` on the essay `essayId`. The selection
 * must be on the essay's current revision and its words must be exactly the
 * revision's text at the given offsets: a forged or stale anchor is refused
 * with 422 rather than stored on the wrong words.
 */
export async function createHighlight(authorId: string, essayId: string, input: CreateHighlightInput): Promise<HighlightView> {
  const essay = await db.essay.findUnique({
    where: { id: essayId },
    select: { highlightsOpen: true, currentRevision: { select: { id: true, text: true } } },
  });
  if (!essay?.currentRevision) throw new AppError("NOT_FOUND", "That essay does not exist.");
  if (!essay.highlightsOpen) throw new AppError("FORBIDDEN", "Highlighting is closed on this essay.");
  const revision = essay.currentRevision;
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
  const row = await db.highlight.create({
    data: {
      essayId,
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
  return toHighlightView(row, authorId);
}
