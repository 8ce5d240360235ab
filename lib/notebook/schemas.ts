import * as z from "zod/mini";
import { HIGHLIGHT_COLOURS } from "@/lib/highlights/colours";
import { isValidTag, MAX_TAG_LENGTH, normaliseTag } from "@/lib/highlights/tags";
import { counterText } from "@/lib/validation";

/**
 * Which of a reader's highlights to show or export, as URL query values (so
 * a filtered notebook is a link): colour, tag, essay (its slug) and
 * visibility, each optional. The notebook page and the export operations
 * read the same fields.
 */
export const highlightFilterFields = {
  colour: z.optional(z.enum(HIGHLIGHT_COLOURS, { error: `Pick one of the colours: ${HIGHLIGHT_COLOURS.join(", ")}.` })),
  tag: z.optional(z.pipe(z.string().check(z.maxLength(MAX_TAG_LENGTH + 8, "That is not a tag.")), z.pipe(z.transform(normaliseTag), z.string().check(z.refine(isValidTag, "That is not a tag."))))),
  essay: z.optional(z.string().check(z.regex(/^[a-z0-9-]{1,120}$/, "That is not an essay's address."))),
  visibility: z.optional(z.enum(["private", "public"], { error: "Visibility is either private or public." })),
};

/** The notebook page's query: the filters, the order (newest first, or grouped by essay) and the page (from 1). */
export const notebookQuerySchema = z.object({
  ...highlightFilterFields,
  sort: z.optional(z.enum(["newest", "essay"], { error: "Sort by newest or by essay." })),
  page: z.optional(z.pipe(counterText("The page is a whole number."), z.number().check(z.minimum(1, "Pages count from 1.")))),
});

export type NotebookQuery = z.infer<typeof notebookQuerySchema>;

/** Filters on a reader's highlights (see highlightFilterFields). */
export type HighlightFilters = Pick<NotebookQuery, "colour" | "tag" | "essay" | "visibility">;
