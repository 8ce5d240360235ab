import * as z from "zod/mini";
import { MAX_HIGHLIGHT_LENGTH } from "@/lib/highlights/limits";
import { MAX_INT4, textId, trimmedText, wholeNumber } from "@/lib/validation";

const reason = z.optional(trimmedText({ max: 500, tooLong: "Keep the reason under 500 characters." }));

/** A passage of the essay's current revision, as a selection describes it (the server checks the words). */
const passageFields = {
  revisionId: textId("Which revision was the passage selected on?"),
  start: wholeNumber({ min: 0, max: MAX_INT4, tooSmall: "The passage starts before the essay." }),
  end: wholeNumber({ min: 1, max: MAX_INT4, tooBig: "The passage is past the end of the essay." }),
  exact: z.string().check(z.minLength(1, "Select at least one character."), z.maxLength(MAX_HIGHLIGHT_LENGTH, `A passage can be at most ${MAX_HIGHLIGHT_LENGTH.toLocaleString("en")} characters.`)),
  reason,
};

/** The checks every passage passes: it ends after it starts, and its words are as long as it is. */
function matchesSelection<T extends { start: number; end: number; exact: string }>() {
  return [
    z.refine<T>((value) => value.end > value.start, { message: "The passage ends before it starts.", path: ["end"] }),
    z.refine<T>((value) => value.end - value.start === value.exact.length, { message: "The selected words do not match the passage's length.", path: ["exact"] }),
  ] as const;
}

/**
 * A moderator's controls on one passage: lock it, slow it, pre-moderate it,
 * close it to new highlights. Controls already on exactly this passage are
 * replaced by these (all false and 0 would be no control: refused).
 */
export const controlPassageSchema = z
  .object({
    ...passageFields,
    locked: z._default(z.boolean(), false),
    slowModeSeconds: z._default(wholeNumber({ min: 0, max: 3600, tooBig: "Slow mode is at most an hour between comments." }), 0),
    preModerate: z._default(z.boolean(), false),
    highlightsClosed: z._default(z.boolean(), false),
  })
  .check(
    ...matchesSelection<{ start: number; end: number; exact: string }>(),
    z.refine(
      (value: { locked: boolean; slowModeSeconds: number; preModerate: boolean; highlightsClosed: boolean }) =>
        value.locked || value.slowModeSeconds > 0 || value.preModerate || value.highlightsClosed,
      {
        message: "Choose what to do with the passage: lock it, slow it, review its comments first or close it to new highlights.",
        path: ["locked"],
      },
    ),
  );

/** An editor's "no public highlights on this passage". */
export const closePassageToPublicHighlightsSchema = z.object(passageFields).check(...matchesSelection<{ start: number; end: number; exact: string }>());

/** An editor's switch for public highlights on the whole essay. */
export const essayPublicHighlightsSchema = z.object({ open: z.boolean({ error: "Say whether public highlights are open: true or false." }), reason });

/** The automatic slow mode's settings (admins): off (null) or a heat score, and the pace it slows to. */
export const autoSlowSchema = z.object({
  threshold: z.nullable(wholeNumber({ min: 1, max: 100_000, message: "The threshold is a heat score: a whole number from 1, or off." })),
  seconds: wholeNumber({ min: 10, max: 3600, tooSmall: "Slow to at least 10 seconds between comments.", tooBig: "Slow mode is at most an hour between comments." }),
  reason,
});

export type ControlPassageInput = z.infer<typeof controlPassageSchema>;
export type ClosePassageToPublicHighlightsInput = z.infer<typeof closePassageToPublicHighlightsSchema>;
