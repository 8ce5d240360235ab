import "server-only";
import { deleteComment } from "@/lib/comments/delete-comment";
import { AppError } from "@/lib/errors";
import { deleteHighlight } from "@/lib/highlights/update-highlight";
import { getAnnotation } from "./get-annotation";
import { annotationEntityTags, assertIfMatch } from "./protocol";
import type { AnnotatedEssay } from "./sources";

/**
 * Deletes one of the reader's own annotations (DELETE): 404 for what they
 * cannot see, 403 for another reader's, 412 when an If-Match names a stale
 * ETag (If-Match is optional here: deleting cannot overwrite anyone's
 * change). A highlight is deleted as the web deletes it (softly, so the web's
 * undo works), a comment too (a tombstone where it has replies); either way
 * its IRI is 404 afterwards.
 */
export async function deleteAnnotation(request: Request, origin: string, viewerId: string, essay: AnnotatedEssay, segment: string): Promise<void> {
  const found = await getAnnotation(origin, essay, segment, viewerId);
  if (found.authorId !== viewerId) throw new AppError("FORBIDDEN", "You can delete only your own annotations.");
  assertIfMatch(request, annotationEntityTags(found.annotation), false);
  if (found.source.kind === "highlight") await deleteHighlight(viewerId, found.source.id);
  else await deleteComment(viewerId, found.source.id);
}
