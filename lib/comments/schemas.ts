import * as z from "zod/mini";
import { HIGHLIGHT_COLOURS } from "@/lib/highlights/colours";
import { MAX_HIGHLIGHT_LENGTH } from "@/lib/highlights/limits";
import { MAX_COMMENT_LENGTH } from "./limits";
import { counterText, MAX_INT4, serialId, textId, trimmedText, wholeNumber } from "@/lib/validation";

export const commentBodySchema = trimmedText({
  min: 1,
  max: MAX_COMMENT_LENGTH,
  message: "Write your comment first.",
  tooShort: "Write your comment first.",
  tooLong: `A comment can be at most ${MAX_COMMENT_LENGTH.toLocaleString("en")} characters.`,
});

/** A passage selected in the essay, to start a thread on (it becomes a public highlight). */
const passageSchema = z
  .object({
    revisionId: textId("Which revision was the passage selected on?"),
    start: wholeNumber({ min: 0, max: MAX_INT4 }),
    end: wholeNumber({ min: 1, max: MAX_INT4 }),
    exact: z.string().check(z.minLength(1), z.maxLength(MAX_HIGHLIGHT_LENGTH)),
    colour: z._default(z.enum(HIGHLIGHT_COLOURS), "yellow"),
  })
  .check(z.refine((value) => value.end - value.start === value.exact.length && value.end > value.start, { message: "The selected words do not match the selection.", path: ["exact"] }));

/**
 * A new comment: on the essay as a whole (nothing else), a reply (`parentId`),
 * on an existing highlight (`highlightId`), or on a newly selected passage.
 */
export const createCommentSchema = z
  .object({
    body: commentBodySchema,
    parentId: z.optional(serialId("comment")),
    highlightId: z.optional(textId("That highlight does not exist.")),
    passage: z.optional(passageSchema),
  })
  .check(
    z.refine((value) => [value.parentId, value.highlightId, value.passage].filter((field) => field !== undefined).length <= 1, {
      message: "A comment replies to one thing: a comment, a highlight or a passage.",
      path: ["parentId"],
    }),
  );

export const editCommentSchema = z.object({ body: commentBodySchema });

export const discussionQuerySchema = z.object({
  sort: z._default(z.enum(["top", "new", "old", "position"]), "top"),
  highlightId: z.optional(z.union([z.literal("*"), textId("That highlight does not exist.")])),
  cursor: z._default(counterText("The cursor is a page offset: a whole number."), 0),
});

export type CreateCommentInput = z.infer<typeof createCommentSchema>;
export type DiscussionSort = z.infer<typeof discussionQuerySchema>["sort"];
