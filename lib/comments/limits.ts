// The size rule of a comment, apart from its schemas (schemas.ts) so that
// the browser's composer can count against it without loading zod.

/** The longest comment, in characters. */
export const MAX_COMMENT_LENGTH = 10_000;
