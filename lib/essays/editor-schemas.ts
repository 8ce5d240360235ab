import * as z from "zod/mini";
import { MAX_INT4, trimmedText, wholeNumber } from "@/lib/validation";

// What editors send from /editor. zod/mini: the contracts that use these are
// imported by the browser (see lib/validation.ts).

/** An essay source is at most 2 MB (lib/essays/import/load-source.ts, MAX_SOURCE_BYTES); a request carries one with room for JSON escaping. */
export const EDITOR_BODY_BYTES = 5 * 1024 * 1024;
const MAX_SOURCE_CHARS = 2 * 1024 * 1024;
const MAX_LINE_CHOICES = 5_000;

const sourceText = z
  .string({ error: "Paste the article's text." })
  .check(z.minLength(1, "Paste the article's text: it is empty."), z.maxLength(MAX_SOURCE_CHARS, "The text is larger than 2 MB. An essay is far smaller: import the article alone."));
const format = z.optional(z.enum(["text", "markdown", "html"], { error: "The format is text, markdown or html." }));
const optionalLine = (max: number, what: string) => z.nullable(trimmedText({ max, tooLong: `Keep the ${what} under ${max} characters.` }));

const editedBlock = z.object({
  kind: z.enum(["heading", "paragraph"], { error: "Each block is a heading or a paragraph." }),
  text: trimmedText({ min: 1, max: 50_000, tooShort: "A block cannot be empty: remove it instead.", tooLong: "Keep each block under 50,000 characters." }),
});

/**
 * Where a draft's words come from: a page's address, pasted text, an
 * uploaded file (read in the browser and sent as text with its name), or the
 * essay's blocks as edited in the browser.
 */
export const essaySourceSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("url"), url: z.url({ protocol: /^https?$/, error: "Give the page's full address, starting with https://." }).check(z.maxLength(2_000, "That address is too long.")) }),
    z.object({ kind: z.literal("text"), text: sourceText, format }),
    z.object({ kind: z.literal("file"), name: trimmedText({ min: 1, max: 200, tooShort: "The file has no name.", tooLong: "The file name is too long." }), content: sourceText, format }),
    z.object({
      kind: z.literal("blocks"),
      title: trimmedText({ min: 1, max: 300, tooShort: "The essay needs a title.", tooLong: "Keep the title under 300 characters." }),
      dek: optionalLine(1_000, "standfirst"),
      byline: optionalLine(300, "byline"),
      attribution: optionalLine(300, "attribution"),
      blocks: z.array(editedBlock).check(z.minLength(1, "The essay needs at least one paragraph."), z.maxLength(5_000, "An essay has at most 5,000 blocks.")),
    }),
  ],
  { error: "Say where the essay comes from: a url, pasted text, a file or edited blocks." },
);

/** A source of any kind. */
export type EssaySource = z.output<typeof essaySourceSchema>;

const lineChoices = (what: string) =>
  z.optional(z.array(z.int({ error: `Name ${what} by number.` }).check(z.minimum(0), z.maximum(1_000_000))).check(z.maxLength(MAX_LINE_CHOICES, `Choose at most ${MAX_LINE_CHOICES} ${what}.`)));

const draftFields = {
  source: essaySourceSchema,
  /** Lines the importer dropped that the editor keeps, by their index in the preview's list of lines. */
  keep: lineChoices("lines"),
  /** Blocks the importer kept that the editor drops, by their index in the importer's essay. */
  drop: lineChoices("blocks"),
};

/** A draft to preview or to dry-run: the source and the editor's choices about its lines. */
export const essayDraftSchema = z.object(draftFields);

/** A draft as the server reads it. */
export type EssayDraft = z.output<typeof essayDraftSchema>;

/** Publishing a new essay: a draft and, optionally, the slug it is read at. */
export const publishEssaySchema = z.object({
  ...draftFields,
  slug: z.optional(
    z
      .string({ error: "Give the slug as text." })
      .check(
        z.trim(),
        z.maxLength(120, "A slug can be at most 120 characters."),
        z.regex(/^(?:[a-z0-9]+(?:-[a-z0-9]+)*)?$/, "A slug may use only lower-case letters, digits and single hyphens, e.g. when-negotiations-cause-defeat."),
      ),
  ),
});

/** Publishing a revision: a draft, the revision it was made from, and a one-line note of what changed. */
export const reviseEssaySchema = z.object({
  ...draftFields,
  baseRevision: wholeNumber({ min: 1, max: MAX_INT4, message: "Say which revision this draft was made from, by its number." }),
  note: z.optional(trimmedText({ max: 300, tooLong: "Keep the note under 300 characters." })),
});

/** Unpublishing or publishing again. */
export const setEssayPublishedSchema = z.object({
  published: z.boolean({ error: "Say whether the essay is published: true or false." }),
  reason: z.optional(trimmedText({ max: 500, tooLong: "Keep the reason under 500 characters." })),
});
