import "server-only";
import { AppError } from "@/lib/errors";
import { highlightTags, MAX_TAGS } from "./tags";

/**
 * The tags a highlight is stored with: the tag field's and the note's
 * #words (lib/highlights/tags.ts). Each part is checked on its own by the
 * schema; their union may still be too many, refused with 422 on `tags`.
 */
export function storedTags(fieldTags: readonly string[], note: string | null | undefined): string[] {
  const tags = highlightTags(fieldTags, note);
  if (tags.length > MAX_TAGS) {
    const message = `A highlight can have at most ${MAX_TAGS} tags, counting the note's #words (this one would have ${tags.length}).`;
    throw new AppError("VALIDATION", message, { fieldErrors: { tags: [message] } });
  }
  return tags;
}
