import { ZodError } from "zod";
import { AppError, isAppError } from "@/lib/errors";
import { jsonResponse } from "./json-response";

/** The JSON error body every API answers with. */
export interface ErrorBody {
  error: { code: string; message: string; fieldErrors?: Record<string, string[]> };
}

/** Turns a ZodError into a 422 AppError with one message per field. */
export function validationError(error: ZodError): AppError {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = issue.path.join(".") || "_";
    (fieldErrors[field] ??= []).push(issue.message);
  }
  const first = error.issues[0]?.message ?? "Some fields are not valid.";
  return new AppError("VALIDATION", error.issues.length > 1 ? `${first} (and ${error.issues.length - 1} more)` : first, { fieldErrors });
}

/**
 * The one place an error becomes an HTTP response: AppErrors keep their code,
 * message and status (429 with Retry-After); anything else is logged and
 * answered with a generic 500 that leaks nothing.
 */
export function errorResponse(error: unknown): Response {
  const appError = error instanceof ZodError ? validationError(error) : isAppError(error) ? error : null;
  if (!appError) {
    console.error(error);
    return jsonResponse({ error: { code: "INTERNAL", message: "Something went wrong on our side. Please try again." } } satisfies ErrorBody, { status: 500 });
  }
  const headers = appError.retryAfterSeconds ? { "Retry-After": String(appError.retryAfterSeconds) } : undefined;
  return jsonResponse(
    { error: { code: appError.code, message: appError.message, ...(appError.fieldErrors ? { fieldErrors: appError.fieldErrors } : {}) } } satisfies ErrorBody,
    { status: appError.status, headers },
  );
}
