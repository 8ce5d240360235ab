import "server-only";
import { safeParse } from "zod/mini";
import type { Viewer } from "@/lib/auth/viewer";
import { editComment } from "@/lib/comments/edit-comment";
import { commentBodySchema } from "@/lib/comments/schemas";
import { AppError } from "@/lib/errors";
import { updateHighlightSchema } from "@/lib/highlights/schemas";
import { updateHighlight } from "@/lib/highlights/update-highlight";
import { validationError } from "@/lib/http/respond";
import { annotationBodyText, readAnnotationIntent } from "./annotation-input";
import { getAnnotation, type FoundAnnotation } from "./get-annotation";
import { annotationEntityTags, assertIfMatch } from "./protocol";
import type { AnnotationInput } from "./schemas";
import type { AnnotatedEssay } from "./sources";

function refuse(message: string): AppError {
  return new AppError("VALIDATION", message, { fieldErrors: { target: [message] } });
}

/**
 * Replaces one of the reader's own annotations with a new description of
 * it (PUT). Facts: the annotation as the reader may see it (404 otherwise,
 * so another reader's private highlight stays unknown); verdict: theirs
 * (403), If-Match names its current ETag (428 without, 412 when stale), and
 * the new description is the same kind of annotation (a highlight on the
 * same words; a comment's targets are not compared, they are its thread's);
 * effect: the web's own update, so a highlight's note changes through
 * updateHighlight and a comment's text through editComment (history,
 * moderation pipeline, edit limit). Glossa does not move an annotation to
 * other words: a client deletes it and posts a new one.
 */
export async function replaceAnnotation(request: Request, origin: string, viewer: Viewer, essay: AnnotatedEssay, segment: string, input: AnnotationInput): Promise<FoundAnnotation> {
  const found = await getAnnotation(origin, essay, segment, viewer.id);
  if (found.authorId !== viewer.id) throw new AppError("FORBIDDEN", "You can change only your own annotations.");
  assertIfMatch(request, annotationEntityTags(found.annotation), true);
  const { source } = found;
  if (source.kind === "highlight") {
    const intent = readAnnotationIntent(input, origin, essay);
    if (intent.kind !== "highlight") throw refuse("This annotation is a highlight: keep its motivation highlighting and its target on the same words.");
    const { position, quote } = intent.selectors;
    const moved = (position && (position.start !== source.passage.start || position.end !== source.passage.end)) || (quote && quote.exact !== source.passage.exact);
    if (moved) throw refuse("Glossa does not move a highlight to other words: delete it and post a new annotation.");
    const parsed = safeParse(updateHighlightSchema, { note: intent.note, tags: intent.tags });
    if (!parsed.success) throw validationError(parsed.error);
    await updateHighlight(viewer.id, source.id, parsed.data);
  } else {
    // A comment's targets are its thread's (its passage may even be gone): only its text is replaced.
    if (input.motivation === "highlighting") throw refuse("This annotation is a comment: keep its motivation commenting or replying, with its text in a body.");
    const parsed = safeParse(commentBodySchema, annotationBodyText(input) ?? "");
    if (!parsed.success) throw validationError(parsed.error);
    await editComment(viewer, source.id, parsed.data);
  }
  return getAnnotation(origin, essay, segment, viewer.id);
}
