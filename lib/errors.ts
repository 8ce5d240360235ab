/**
 * The one error type the application raises on purpose. Each code maps to one
 * HTTP status in `httpStatusFor`; anything that is not an AppError is treated
 * as an internal error and its details never leave the server.
 */
export type AppErrorCode =
  | "BAD_REQUEST"
  | "VALIDATION"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "BANNED"
  | "NOT_FOUND"
  | "NOT_ACCEPTABLE"
  | "CONFLICT"
  | "PRECONDITION_FAILED"
  | "PRECONDITION_REQUIRED"
  | "PAYLOAD_TOO_LARGE"
  | "RATE_LIMITED"
  | "UNAVAILABLE"
  | "INTERNAL";

const STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  VALIDATION: 422,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  // A banned account's sign-in with the right password: answered with the ban notice, not a session (lib/auth/handle-auth-request.ts).
  BANNED: 403,
  NOT_FOUND: 404,
  // The client asked (Accept) for a representation Glossa cannot produce.
  NOT_ACCEPTABLE: 406,
  CONFLICT: 409,
  // A conditional write (If-Match) named a version that is no longer current.
  PRECONDITION_FAILED: 412,
  // A write that must be conditional (the annotation protocol's PUT) came without If-Match.
  PRECONDITION_REQUIRED: 428,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};

export interface AppErrorOptions {
  /** Messages per input field, shown next to the field. */
  fieldErrors?: Record<string, string[]>;
  /** Seconds until a rate-limited (429) or refused-for-now (503) caller may try again; sent as Retry-After. */
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors: Record<string, string[]> | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options.fieldErrors;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return httpStatusFor(this.code);
  }
}

export function httpStatusFor(code: AppErrorCode): number {
  return STATUS[code];
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
