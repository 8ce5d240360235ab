import * as z from "zod/mini";

// Schemas that contracts use are written with zod/mini: contracts are
// imported by the browser, and classic zod added 34 KB (gzip) to every page
// that calls an endpoint; zod/mini's tree-shaken functions add ~8 KB.

/** The largest value of PostgreSQL's `integer` (int4), the type of every serial id and counter column. */
export const MAX_INT4 = 2_147_483_647;

/**
 * A serial id in a JSON body (a comment's, a notification's): a positive
 * integer that fits the column. Without the upper bound, 2^31 to 2^53 passed
 * validation and overflowed int4 in PostgreSQL (a 500).
 */
export function serialId(noun: string) {
  return z
    .int({ error: (issue) => (typeof issue.input === "number" && Number.isFinite(issue.input) ? `A ${noun} id is a whole number.` : `Give the ${noun}'s id as a number.`) })
    .check(z.positive(`No ${noun} has that id.`), z.maximum(MAX_INT4, `No ${noun} has that id.`));
}

/** A whole number within int4 in a JSON body, with messages for a person. */
export function wholeNumber(options: { min: number; max: number; message?: string; tooSmall?: string; tooBig?: string }) {
  return z.int(options.message ? { error: options.message } : undefined).check(z.minimum(options.min, options.tooSmall ?? options.message), z.maximum(options.max, options.tooBig ?? options.message));
}

/** Text, trimmed, between `min` and `max` characters. */
export function trimmedText(options: { min?: number; max: number; tooShort?: string; tooLong?: string; message?: string }) {
  const checks = [z.trim(), ...(options.min ? [z.minLength(options.min, options.tooShort)] : []), z.maxLength(options.max, options.tooLong)];
  return z.string(options.message ? { error: options.message } : undefined).check(...checks);
}

/** A serial id in a path or query string: digits only, within int4; anything else is "does not exist". */
export function serialIdText(message: string) {
  return z.pipe(z.pipe(z.string({ error: message }).check(z.regex(/^[1-9][0-9]{0,9}$/, message)), z.transform(Number)), z.number().check(z.maximum(MAX_INT4, message)));
}

/** A non-negative integer counter from a query string (a cursor, an event id), within int4. */
export function counterText(message: string) {
  return z.pipe(z.pipe(z.string().check(z.regex(/^[0-9]{1,10}$/, message)), z.transform(Number)), z.number().check(z.maximum(MAX_INT4, message)));
}

/** A text id (a cuid: essays, highlights, reports, accounts) in a path, body or query. */
export function textId(message: string) {
  return z.string({ error: message }).check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, message));
}
