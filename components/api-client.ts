import { operationUrl, type AnyOperation, type BrowserOperation, type InputOf, type ResponseOf } from "@/lib/http/contract";

/** An error from a Glossa endpoint, with the message the server wrote for people. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fieldErrors: Record<string, string[]> = {},
    /** Seconds the server asked us to wait (429, 503). */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

type RequiredKeys<T> = { [K in keyof T]-?: undefined extends T[K] ? never : K }[keyof T];

/** `keepalive`: the request outlives the page (a write sent while the reader leaves it). */
type CallInput<O extends AnyOperation> = InputOf<O> & { keepalive?: boolean };

/** The input argument: required when the operation has path parameters or a body, optional otherwise. */
type CallArgs<O extends AnyOperation> = RequiredKeys<InputOf<O>> extends never ? [input?: CallInput<O>] : [input: CallInput<O>];

interface ErrorBody {
  error?: { message?: string; fieldErrors?: Record<string, string[]> };
}

/**
 * Calls an operation of this site, typed by its contract (lib/<domain>/contracts.ts,
 * through its browser half, contracts.browser.ts): the parameters, query and
 * body it takes and the answer it gives. Throws ApiError with the server's
 * message on failure.
 */
export async function callOperation<O extends AnyOperation>(operation: BrowserOperation<O>, ...[input]: CallArgs<O>): Promise<ResponseOf<O>> {
  const { params, query, body, keepalive } = (input ?? {}) as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown; keepalive?: boolean };
  let response: Response;
  try {
    response = await fetch(operationUrl(operation, params, query), {
      method: operation.method,
      headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), accept: "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
      keepalive,
    });
  } catch {
    throw new ApiError("Could not reach Glossa. Check your connection and try again.", 0);
  }
  if (response.status === 204) return undefined as ResponseOf<O>;
  const answer = (await response.json().catch(() => null)) as (ErrorBody & ResponseOf<O>) | null;
  if (!response.ok) {
    const retryAfter = Number(response.headers.get("retry-after"));
    throw new ApiError(
      answer?.error?.message ?? `Something went wrong (${response.status}). Please try again.`,
      response.status,
      answer?.error?.fieldErrors ?? {},
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    );
  }
  return answer as ResponseOf<O>;
}
