import * as z from "zod/mini";
import { MAX_INT4, textId, wholeNumber } from "@/lib/validation";
import { HIGHLIGHT_COLOURS } from "./colours";
import { MAX_HIGHLIGHT_LENGTH, MAX_NOTE_LENGTH } from "./limits";
import { isValidTag, MAX_TAG_LENGTH, MAX_TAGS, normaliseTag } from "./tags";

const colour = z.enum(HIGHLIGHT_COLOURS, { error: `Pick one of the colours: ${HIGHLIGHT_COLOURS.join(", ")}.` });
const visibility = z.enum(["private", "public"], { error: "Visibility is either private (only you) or public." });
const note = z.nullable(
  z.pipe(
    z.string().check(z.trim(), z.maxLength(MAX_NOTE_LENGTH, `A note can be at most ${MAX_NOTE_LENGTH.toLocaleString("en")} characters.`)),
    z.transform((value) => (value === "" ? null : value)),
  ),
);

/**
 * The tag field's words ("#Essay" is "essay"; lib/highlights/tags.ts): the
 * note's #words are added to them when the highlight is stored.
 */
const tags = z.pipe(
  z
    .array(
      z.string().check(
        z.maxLength(MAX_TAG_LENGTH + 8, `A tag can be at most ${MAX_TAG_LENGTH} characters.`),
        z.refine((word) => isValidTag(normaliseTag(word)), `A tag is 1 to ${MAX_TAG_LENGTH} letters, digits, "-" or "_", not digits alone.`),
      ),
    )
    .check(z.maxLength(MAX_TAGS, `A highlight can have at most ${MAX_TAGS} tags.`)),
  z.transform((words) => [...new Set(words.map(normaliseTag))]),
);

/**
 * A new highlight as the browser describes it: the revision it was made on,
 * the canonical offsets of the selection and the words the reader saw. The
 * server checks the words against the revision and computes the quote
 * selector's prefix and suffix itself.
 */
export const createHighlightSchema = z
  .object({
    revisionId: textId("Which revision was highlighted?"),
    start: wholeNumber({ min: 0, max: MAX_INT4, tooSmall: "The selection starts before the essay.", tooBig: "The selection is past the end of the essay." }),
    end: wholeNumber({ min: 1, max: MAX_INT4, tooBig: "The selection is past the end of the essay." }),
    exact: z.string().check(z.minLength(1, "Select at least one character."), z.maxLength(MAX_HIGHLIGHT_LENGTH, `A highlight can be at most ${MAX_HIGHLIGHT_LENGTH.toLocaleString("en")} characters.`)),
    colour: z._default(colour, "yellow"),
    note: z._default(note, null),
    visibility: z._default(visibility, "private"),
    tags: z.optional(tags),
  })
  .check(
    z.refine((value) => value.end > value.start, { message: "The selection ends before it starts.", path: ["end"] }),
    z.refine((value) => value.end - value.start === value.exact.length, { message: "The selected words do not match the selection's length.", path: ["exact"] }),
  );

/** Changes to one's own highlight: any of colour, note, tags (the field's; replacing them) and visibility. */
export const updateHighlightSchema = z
  .object({ colour: z.optional(colour), note: z.optional(note), visibility: z.optional(visibility), tags: z.optional(tags) })
  .check(z.refine((value) => Object.values(value).some((field) => field !== undefined), { message: "Nothing to change: send a colour, a note, tags or a visibility." }));

export type CreateHighlightInput = z.infer<typeof createHighlightSchema>;
export type UpdateHighlightInput = z.infer<typeof updateHighlightSchema>;
/** Changes to a highlight as the browser sends them. */
export type HighlightPatch = z.input<typeof updateHighlightSchema>;

/** Re-attaching a highlight (and its threads) to a new selection on the essay's current revision. */
export const reattachHighlightSchema = z
  .object({
    revisionId: textId("Which revision was selected?"),
    start: wholeNumber({ min: 0, max: MAX_INT4, tooSmall: "The selection starts before the essay.", tooBig: "The selection is past the end of the essay." }),
    end: wholeNumber({ min: 1, max: MAX_INT4, tooBig: "The selection is past the end of the essay." }),
    exact: z.string().check(z.minLength(1, "Select at least one character."), z.maxLength(MAX_HIGHLIGHT_LENGTH, `A highlight can be at most ${MAX_HIGHLIGHT_LENGTH.toLocaleString("en")} characters.`)),
  })
  .check(
    z.refine((value) => value.end > value.start, { message: "The selection ends before it starts.", path: ["end"] }),
    z.refine((value) => value.end - value.start === value.exact.length, { message: "The selected words do not match the selection's length.", path: ["exact"] }),
  );

export type ReattachHighlightInput = z.infer<typeof reattachHighlightSchema>;
