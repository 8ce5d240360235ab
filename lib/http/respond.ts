import { core } from "zod/mini";
import { AppError, isAppError } from "@/lib/errors";
import { classifyDatabaseError } from "@/lib/db/errors";
import { jsonResponse } from "./json-response";

/** The JSON error body every API answers with. */
export interface ErrorBody {
  error: { code: string; message: string; fieldErrors?: Record<string, string[]> };
}

/** Turns a zod error into a 422 AppError with one message per field. */
export function validationError(error: core.$ZodError): AppError {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "_";
    (fieldErrors[field] ??= []).push(issue.message);
  }
  const first = error.issues[0]?.message ?? "Some fields are not valid.";
  return new AppError("VALIDATION", error.issues.length > 1 ? `${first} (and ${error.issues.length - 1} more)` : first, { fieldErrors });
}

/** Seconds a caller is asked to wait when the database is unreachable: about how long a restart takes. */
const UNAVAILABLE_RETRY_SECONDS = 5;

/** Turns what is not an AppError into one when it has a meaning for the caller (the database is down; a value it cannot store). */
function meaningOf(error: unknown): AppError | null {
  if (error instanceof core.$ZodError) return validationError(error);
  if (isAppError(error)) return error;
  const failure = classifyDatabaseError(error);
  if (failure === "unavailable") {
    return new AppError("UNAVAILABLE", "Glossa cannot reach its database just now. Nothing was changed; please try again in a few seconds.", { retryAfterSeconds: UNAVAILABLE_RETRY_SECONDS });
  }
  if (failure === "unstorable") return new AppError("BAD_REQUEST", "The request holds a value Glossa cannot store (too large a number, or text with characters that cannot be saved).");
  return null;
}

/**
 * The one place an error becomes an HTTP response: AppErrors keep their code,
 * message and status (429 and 503 with Retry-After); a database that cannot
 * be reached is a 503; anything else is logged, with the operation's name,
 * and answered with a generic 500 that leaks nothing.
 */
export function errorResponse(error: unknown, operation = "request"): Response {
  const appError = meaningOf(error);
  if (!appError) {
    console.error(`${operation} failed:`, error);
    return jsonResponse({ error: { code: "INTERNAL", message: "Something went wrong on our side. Please try again." } } satisfies ErrorBody, { status: 500 });
  }
  const headers = appError.retryAfterSeconds ? { "Retry-After": String(appError.retryAfterSeconds) } : undefined;
  return jsonResponse({ error: { code: appError.code, message: appError.message, ...(appError.fieldErrors ? { fieldErrors: appError.fieldErrors } : {}) } } satisfies ErrorBody, {
    status: appError.status,
    headers,
  });
}
