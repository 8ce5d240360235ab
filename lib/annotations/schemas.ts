import * as z from "zod/mini";
import { MAX_COMMENT_LENGTH } from "@/lib/comments/limits";
import { MAX_HIGHLIGHT_LENGTH } from "@/lib/highlights/limits";
import { MAX_INT4, wholeNumber } from "@/lib/validation";

// An annotation as a client sends it to the protocol (POST and PUT): the
// parts of the W3C model Glossa acts on, checked for type and size here;
// what they mean for this essay (which words, which thread) is decided in
// ./annotation-input.ts. Properties Glossa sets itself (id, creator,
// created, modified, via) are dropped unread: the server assigns them.

const MAX_IRI_LENGTH = 2_048;
const SELECTOR_CONTEXT_LENGTH = 1_000;

const iri = z
  .string({ error: "An IRI is text, e.g. https://glossa.example/essays/on-margins." })
  .check(z.minLength(1, "An IRI cannot be empty."), z.maxLength(MAX_IRI_LENGTH, `An IRI can be at most ${MAX_IRI_LENGTH} characters.`));

const quoteSelector = z.object({
  type: z.literal("TextQuoteSelector"),
  exact: z
    .string({ error: "A TextQuoteSelector's exact is the quoted words, as text." })
    .check(z.minLength(1, "Quote at least one character."), z.maxLength(MAX_HIGHLIGHT_LENGTH, `A passage can be at most ${MAX_HIGHLIGHT_LENGTH.toLocaleString("en")} characters.`)),
  prefix: z.optional(z.string().check(z.maxLength(SELECTOR_CONTEXT_LENGTH, `A prefix can be at most ${SELECTOR_CONTEXT_LENGTH} characters.`))),
  suffix: z.optional(z.string().check(z.maxLength(SELECTOR_CONTEXT_LENGTH, `A suffix can be at most ${SELECTOR_CONTEXT_LENGTH} characters.`))),
});

const positionSelector = z.object({
  type: z.literal("TextPositionSelector"),
  start: wholeNumber({ min: 0, max: MAX_INT4, message: "A TextPositionSelector's start is a whole number of characters from the start of the essay's text." }),
  end: wholeNumber({ min: 1, max: MAX_INT4, message: "A TextPositionSelector's end is a whole number of characters from the start of the essay's text." }),
});

const selector = z.discriminatedUnion("type", [quoteSelector, positionSelector], {
  error: "Glossa understands a TextQuoteSelector and a TextPositionSelector on the essay's text (type, then exact or start and end).",
});

const specificResource = z.object({
  type: z.optional(z.literal("SpecificResource", { error: "A target with selectors is a SpecificResource." })),
  source: iri,
  selector: z.optional(z.union([selector, z.array(selector).check(z.maxLength(4, "Give at most one selector of each type."))])),
});

const target = z.union([iri, specificResource], { error: "A target is the essay's IRI with selectors (a SpecificResource), or the IRI of an annotation in this container." });

const textualBody = z.object({
  type: z.optional(z.literal("TextualBody", { error: "Glossa stores text bodies only (type TextualBody)." })),
  value: z.string({ error: "A body's value is its text." }).check(z.maxLength(MAX_COMMENT_LENGTH, `A body can be at most ${MAX_COMMENT_LENGTH.toLocaleString("en")} characters.`)),
  purpose: z.optional(z.enum(["commenting", "replying", "tagging", "describing"], { error: "A body's purpose is commenting, replying, tagging or describing." })),
  format: z.optional(z.string().check(z.maxLength(100))),
});

/** A Web Annotation a client sends (POST to a container, PUT to an annotation). */
export const annotationInputSchema = z.object({
  "@context": z.optional(z.union([iri, z.array(iri).check(z.maxLength(8))], { error: `The @context is "http://www.w3.org/ns/anno.jsonld" (or a list of IRIs that includes it).` })),
  type: z.optional(z.union([z.literal("Annotation"), z.array(z.string().check(z.maxLength(100))).check(z.maxLength(8))], { error: 'An annotation\'s type is "Annotation".' })),
  motivation: z.optional(z.enum(["highlighting", "commenting", "replying"], { error: "Glossa makes highlighting, commenting and replying annotations." })),
  body: z.optional(z.union([textualBody, z.array(textualBody).check(z.maxLength(20, "Send at most 20 bodies."))], { error: "A body is a TextualBody ({ type, value, purpose }) or a list of them." })),
  bodyValue: z.optional(z.string({ error: "bodyValue is text." }).check(z.maxLength(MAX_COMMENT_LENGTH, `A body can be at most ${MAX_COMMENT_LENGTH.toLocaleString("en")} characters.`))),
  target: z.union([target, z.array(target).check(z.minLength(1, "Give at least one target."), z.maxLength(4, "Give at most four targets."))], {
    error: "An annotation needs a target: the essay's IRI with a TextQuoteSelector and/or TextPositionSelector, or an annotation's IRI to reply to.",
  }),
});

export type AnnotationInput = z.infer<typeof annotationInputSchema>;
