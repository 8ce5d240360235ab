import "server-only";
import { safeParse } from "zod/mini";
import type { Viewer } from "@/lib/auth/viewer";
import { createComment } from "@/lib/comments/create-comment";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { createCommentSchema } from "@/lib/comments/schemas";
import { createHighlight } from "@/lib/highlights/create-highlight";
import { createHighlightSchema } from "@/lib/highlights/schemas";
import { validationError } from "@/lib/http/respond";
import { readAnnotationIntent, selectPassage } from "./annotation-input";
import { getAnnotation, type FoundAnnotation } from "./get-annotation";
import type { AnnotationInput } from "./schemas";
import type { AnnotatedEssay } from "./sources";
import { commentAnnotationId, highlightAnnotationId } from "./web-annotation";

/** Parses what the web app would have sent with the web app's own schema, so the API refuses exactly what the web refuses, with its messages. */
function asWebInput<S extends Parameters<typeof safeParse>[0]>(schema: S, value: unknown) {
  const parsed = safeParse(schema, value);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

/**
 * Makes what a POSTed annotation describes, through the web app's own
 * functions and therefore its checks: a `highlighting` annotation becomes a
 * private highlight (createHighlight: anchoring on the current revision's
 * words, one highlight per passage, highlighting closed), with its text body
 * as the note; it stays private because an API client cannot be shown what
 * publishing means; a reader publishes from the essay page, or comments. A
 * `commenting` or `replying` annotation is a comment (createComment:
 * moderation pipeline, flood and slow-mode limits, held status, mentions).
 * Highlights count against the same per-reader limit as the web's. The id
 * is the server's; any the client sent was dropped by the schema.
 */
export async function createAnnotation(origin: string, viewer: Viewer, essay: AnnotatedEssay, input: AnnotationInput): Promise<FoundAnnotation> {
  const intent = readAnnotationIntent(input, origin, essay);
  if (intent.kind === "highlight") {
    const passage = selectPassage(intent.selectors, essay.text);
    const highlightInput = asWebInput(createHighlightSchema, { revisionId: essay.revisionId, ...passage, note: intent.note, tags: intent.tags, visibility: "private" });
    const highlight = await createHighlight(viewer.id, essay.id, highlightInput);
    return getAnnotation(origin, essay, highlightAnnotationId(highlight.id), viewer.id);
  }
  if ("highlightId" in intent.on) await refusePrivateHighlight(viewer.id, intent.on.highlightId);
  const on = "passage" in intent.on ? { passage: { revisionId: essay.revisionId, ...selectPassage(intent.on.passage, essay.text) } } : intent.on;
  const comment = await createComment(viewer, essay.id, asWebInput(createCommentSchema, { body: intent.body, ...on }));
  return getAnnotation(origin, essay, commentAnnotationId(comment.id), viewer.id);
}

/**
 * On the essay page, commenting on one's own private highlight publishes it,
 * note included, and the page says so first; an API client cannot be relied
 * on to say it, so through the API it is refused until the reader publishes
 * the highlight there. (Another reader's private highlight names nothing:
 * createComment answers 404.)
 */
async function refusePrivateHighlight(viewerId: string, highlightId: string): Promise<void> {
  const highlight = await db.highlight.findFirst({ where: { id: highlightId, authorId: viewerId, visibility: "PRIVATE", deletedAt: null }, select: { id: true } });
  if (highlight) {
    throw new AppError("CONFLICT", "That highlight is private. Commenting on it would make it and its note public: publish it from the essay page first, then comment.");
  }
}
