import { z } from "zod";
import { HIGHLIGHT_COLOURS } from "@/lib/highlights/colours";
import { MAX_HIGHLIGHT_LENGTH } from "@/lib/highlights/schemas";
import { counterText, MAX_INT4, serialId, textId } from "@/lib/validation";

export const MAX_COMMENT_LENGTH = 10_000;

export const commentBodySchema = z
  .string({ message: "Write your comment first." })
  .trim()
  .min(1, "Write your comment first.")
  .max(MAX_COMMENT_LENGTH, `A comment can be at most ${MAX_COMMENT_LENGTH.toLocaleString("en")} characters.`);

/** A passage selected in the essay, to start a thread on (it becomes a public highlight). */
const passageSchema = z
  .object({
    revisionId: textId("Which revision was the passage selected on?"),
    start: z.number().int().min(0).max(MAX_INT4),
    end: z.number().int().min(1).max(MAX_INT4),
    exact: z.string().min(1).max(MAX_HIGHLIGHT_LENGTH),
    colour: z.enum(HIGHLIGHT_COLOURS).default("yellow"),
  })
  .refine((value) => value.end - value.start === value.exact.length && value.end > value.start, { message: "The selected words do not match the selection.", path: ["exact"] });

/**
 * A new comment: on the essay as a whole (nothing else), a reply (`parentId`),
 * on an existing highlight (`highlightId`), or on a newly selected passage.
 */
export const createCommentSchema = z
  .object({
    body: commentBodySchema,
    parentId: serialId("comment").optional(),
    highlightId: textId("That highlight does not exist.").optional(),
    passage: passageSchema.optional(),
  })
  .refine((value) => [value.parentId, value.highlightId, value.passage].filter((field) => field !== undefined).length <= 1, {
    message: "A comment replies to one thing: a comment, a highlight or a passage.",
    path: ["parentId"],
  });

export const editCommentSchema = z.object({ body: commentBodySchema });

export const discussionQuerySchema = z.object({
  sort: z.enum(["top", "new", "old", "position"]).default("top"),
  highlightId: z.union([z.literal("*"), textId("That highlight does not exist.")]).optional(),
  cursor: counterText("The cursor is a page offset: a whole number.").default(0),
});

export type CreateCommentInput = z.infer<typeof createCommentSchema>;
export type DiscussionSort = z.infer<typeof discussionQuerySchema>["sort"];
