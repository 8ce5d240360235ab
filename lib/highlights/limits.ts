// The size rules of a highlight, apart from its schemas (schemas.ts) so that
// the browser can show them without loading zod.

/** The longest passage one highlight may cover, in characters. */
export const MAX_HIGHLIGHT_LENGTH = 5_000;
/** The longest note on a highlight, in characters. */
export const MAX_NOTE_LENGTH = 2_000;
