import "server-only";
import { AppError } from "@/lib/errors";
import type { AnnotationInput } from "./schemas";
import type { AnnotatedEssay } from "./sources";
import { parseAnnotationId } from "./web-annotation";

/** Words of the essay as a client's selectors name them: offsets into the current revision's text and the words there. */
export interface SelectedPassage {
  start: number;
  end: number;
  exact: string;
}

/** The selectors of a target, as sent. */
interface Selectors {
  position: { start: number; end: number } | null;
  quote: { exact: string; prefix?: string; suffix?: string } | null;
}

/** What a client's annotation asks Glossa to make: a highlight (with its note), or a comment on a passage, a highlight or a comment. */
export type AnnotationIntent =
  { kind: "highlight"; selectors: Selectors; note: string | null; tags: string[] } | { kind: "comment"; body: string; on: { passage: Selectors } | { highlightId: string } | { parentId: number } };

function invalid(field: string, message: string): AppError {
  return new AppError("VALIDATION", message, { fieldErrors: { [field]: [message] } });
}

type Target = AnnotationInput["target"] extends infer T ? (T extends readonly (infer One)[] ? One : T) : never;

/** What one target IRI names in this essay's container: the essay, one of its annotations, or something Glossa does not annotate here. */
function resolveIri(value: string, origin: string, essay: AnnotatedEssay): { essay: true } | { highlightId: string } | { commentId: number } {
  let path: string;
  try {
    path = new URL(value, origin).pathname;
  } catch {
    throw invalid("target", `"${value.slice(0, 80)}" is not an IRI.`);
  }
  const segments = path.split("/").map((segment) => decodeURIComponent(segment));
  if (segments.length === 3 && segments[1] === "essays" && segments[2] === essay.slug) return { essay: true };
  if (segments.length === 4 && segments[1] === "annotations" && segments[2] === essay.slug) {
    const named = parseAnnotationId(segments[3]!);
    if (named?.kind === "highlight") return { highlightId: named.id };
    if (named?.kind === "comment") return { commentId: named.id };
  }
  throw invalid("target", `This container holds annotations on /essays/${essay.slug}: a target is that essay (with selectors) or an annotation at /annotations/${essay.slug}/….`);
}

function selectorsOf(target: Exclude<Target, string>): Selectors {
  const list = target.selector === undefined ? [] : Array.isArray(target.selector) ? target.selector : [target.selector];
  const position = list.filter((selector) => selector.type === "TextPositionSelector");
  const quote = list.filter((selector) => selector.type === "TextQuoteSelector");
  if (position.length > 1 || quote.length > 1) throw invalid("target.selector", "Give at most one TextPositionSelector and one TextQuoteSelector.");
  if (!position[0] && !quote[0]) throw invalid("target.selector", "Say which words: add a TextQuoteSelector and/or a TextPositionSelector to the target.");
  return { position: position[0] ?? null, quote: quote[0] ?? null };
}

/** The values of the `tagging` bodies: a highlight's tag field, as Glossa's own annotations carry it (lib/annotations/web-annotation.ts). */
function annotationTags(input: AnnotationInput): string[] {
  const bodies = input.body === undefined ? [] : Array.isArray(input.body) ? input.body : [input.body];
  return bodies.filter((body) => body.purpose === "tagging").map((body) => body.value);
}

/** The text of the bodies that are not tags: at most one. */
export function annotationBodyText(input: AnnotationInput): string | null {
  const bodies = input.body === undefined ? [] : Array.isArray(input.body) ? input.body : [input.body];
  const texts = [...bodies.filter((body) => body.purpose !== "tagging").map((body) => body.value), ...(input.bodyValue === undefined ? [] : [input.bodyValue])];
  if (texts.length > 1) throw invalid("body", "Send one text body (a note or a comment); tagging bodies may come with it.");
  return texts[0] ?? null;
}

/**
 * What a posted annotation means on this essay. The motivation says what to
 * make, and where it is missing the targets decide: an annotation of a
 * comment is a reply, of a highlight a comment on it, of the essay's words
 * a highlight (and of the essay alone a comment, which is refused below). A `highlighting` annotation becomes a private highlight (its
 * text body, its note); `commenting` or `replying` a comment through the
 * web's pipeline. Targets must name this essay or its annotations.
 */
export function readAnnotationIntent(input: AnnotationInput, origin: string, essay: AnnotatedEssay): AnnotationIntent {
  const targets = Array.isArray(input.target) ? input.target : [input.target];
  let passage: Selectors | null = null;
  let highlightId: string | null = null;
  let parentId: number | null = null;
  for (const target of targets) {
    if (typeof target !== "string") {
      if (!("essay" in resolveIri(target.source, origin, essay))) throw invalid("target.source", `A target's source is the essay, /essays/${essay.slug}.`);
      passage ??= selectorsOf(target);
      continue;
    }
    const named = resolveIri(target, origin, essay);
    if ("highlightId" in named) highlightId ??= named.highlightId;
    else if ("commentId" in named) parentId ??= named.commentId;
  }
  const text = annotationBodyText(input);
  const motivation = input.motivation ?? (parentId !== null ? "replying" : highlightId !== null || !passage ? "commenting" : "highlighting");
  if (motivation === "highlighting") {
    if (!passage) throw invalid("target", "A highlighting annotation targets the essay's words: the essay's IRI with a TextQuoteSelector and/or a TextPositionSelector.");
    return { kind: "highlight", selectors: passage, note: text, tags: annotationTags(input) };
  }
  if (text === null || text.trim() === "") throw invalid("body", "Write the comment in a TextualBody's value (or bodyValue).");
  if (parentId !== null) return { kind: "comment", body: text, on: { parentId } };
  if (motivation === "replying") throw invalid("target", "A reply targets the comment it answers: its IRI in this container, /annotations/…/comment-<n>.");
  if (highlightId !== null) return { kind: "comment", body: text, on: { highlightId } };
  if (passage) return { kind: "comment", body: text, on: { passage } };
  throw invalid("target", "A comment targets the essay's words (with selectors) or a highlight's IRI: a comment on the essay as a whole belongs to its discussion, not to this container.");
}

/**
 * The words selectors name in `text` (the essay's current revision): by
 * position, checked against the quote where both are given (in
 * insertHighlight, which refuses words that are not there); by quote alone,
 * the one place the quote occurs (with its prefix and suffix, when given).
 */
export function selectPassage(selectors: Selectors, text: string): SelectedPassage {
  const { position, quote } = selectors;
  if (position) {
    if (position.end <= position.start) throw invalid("target.selector", "A TextPositionSelector's end comes after its start.");
    if (position.end > text.length) throw invalid("target.selector", `The TextPositionSelector ends past the essay's text, which is ${text.length.toLocaleString("en")} characters long.`);
    return { start: position.start, end: position.end, exact: quote?.exact ?? text.slice(position.start, position.end) };
  }
  const exact = quote!.exact;
  const found: number[] = [];
  for (let at = text.indexOf(exact); at !== -1 && found.length < 2; at = text.indexOf(exact, at + 1)) {
    const { prefix, suffix } = quote!;
    if (prefix !== undefined && (at < prefix.length || !text.startsWith(prefix, at - prefix.length))) continue;
    if (suffix !== undefined && !text.startsWith(suffix, at + exact.length)) continue;
    found.push(at);
  }
  if (found.length === 0) throw invalid("target.selector", "The quoted words (with their prefix and suffix) are not in the essay's current text.");
  if (found.length > 1) throw invalid("target.selector", "The quoted words occur more than once: add a prefix and suffix, or a TextPositionSelector.");
  return { start: found[0]!, end: found[0]! + exact.length, exact };
}
