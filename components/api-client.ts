/** An error from a Glossa endpoint, with the message the server wrote for people. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: { message?: string; fieldErrors?: Record<string, string[]> };
}

/** Calls a JSON endpoint of this site and throws ApiError with the server's message on failure. */
export async function callApi<T>(url: string, init: { method: string; body?: unknown }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: init.method,
      headers: { "content-type": "application/json", accept: "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError("Could not reach Glossa. Check your connection and try again.", 0);
  }
  if (response.status === 204) return undefined as T;
  const body = (await response.json().catch(() => null)) as (ErrorBody & T) | null;
  if (!response.ok) {
    throw new ApiError(body?.error?.message ?? `Something went wrong (${response.status}). Please try again.`, response.status, body?.error?.fieldErrors ?? {});
  }
  return body as T;
}
