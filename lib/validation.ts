import { z } from "zod";

/** The largest value of PostgreSQL's `integer` (int4), the type of every serial id and counter column. */
export const MAX_INT4 = 2_147_483_647;

/**
 * A serial id in a JSON body (a comment's, a notification's): a positive
 * integer that fits the column. Without the upper bound, 2^31 to 2^53 passed
 * validation and overflowed int4 in PostgreSQL (a 500).
 */
export function serialId(noun: string) {
  return z
    .number({ message: `Give the ${noun}'s id as a number.` })
    .int(`A ${noun} id is a whole number.`)
    .positive(`No ${noun} has that id.`)
    .max(MAX_INT4, `No ${noun} has that id.`);
}

/** A serial id in a path or query string: digits only, within int4; anything else is "does not exist". */
export function serialIdText(message: string) {
  return z
    .string()
    .regex(/^[1-9][0-9]{0,9}$/, message)
    .transform(Number)
    .pipe(z.number().max(MAX_INT4, message));
}

/** A non-negative integer counter from a query string (a cursor, an event id), within int4. */
export function counterText(message: string) {
  return z
    .string()
    .regex(/^[0-9]{1,10}$/, message)
    .transform(Number)
    .pipe(z.number().max(MAX_INT4, message));
}

/** A text id (a cuid: essays, highlights, reports, accounts) in a path, body or query. */
export function textId(message: string) {
  return z.string({ message }).regex(/^[A-Za-z0-9_-]{1,64}$/, message);
}
