import "server-only";
import type * as z from "zod/mini";
import { config, locales, safeParse } from "zod/mini";
import { bearerSecret } from "@/lib/api-tokens/authenticate-api-token";
import { admitViewer, type AdmittedViewer } from "@/lib/auth/guard";
import { AppError } from "@/lib/errors";
import type { AnyOperation, DocumentResponse, Parsed, ResponseOf, StreamResponse } from "./contract";
import { jsonResponse } from "./json-response";
import { readJsonBody } from "./request-body";
import { errorResponse, validationError } from "./respond";
import { assertSameOrigin } from "./same-origin";
import { unstorableTextPath } from "./storable-text";

// zod/mini ships no messages: a type error without a custom message would read "Invalid input" (classic zod loads English itself).
config(locales.en());

/** What an operation's handler gets: the request, the viewer its guard admitted, and every input parsed. */
export type OperationContext<O extends AnyOperation> = Parsed<O> & { request: Request; viewer: AdmittedViewer<O["guard"]> };

type HandlerResult<O extends AnyOperation> = ResponseOf<O> extends StreamResponse | DocumentResponse ? Response : O["status"] extends 204 ? void : ResponseOf<O>;

/** A Next.js route handler built by `handle`, carrying its operation so the generated tests can find it. */
export type OperationHandler<O extends AnyOperation> = ((request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>) & { operation: O };

function refuseUnstorable(value: unknown, part: string): void {
  const path = unstorableTextPath(value);
  if (path !== null) {
    const field = path === "_" ? part : path;
    const message = "Text cannot contain NUL characters or unpaired surrogates: remove them and try again.";
    throw new AppError("VALIDATION", message, { fieldErrors: { [field]: [message] } });
  }
}

/** Query-string values, refusing a name given twice (`?sort=top&sort=new` would validate one and could act on the other). */
function queryValues(url: URL): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of url.searchParams) {
    if (key in values) throw new AppError("BAD_REQUEST", `The query parameter "${key}" is given twice: send it once.`);
    values[key] = value;
  }
  return values;
}

function parsePart<S extends z.core.$ZodType | undefined>(schema: S, value: unknown, onError: (error: z.core.$ZodError) => AppError): unknown {
  if (!schema) return undefined;
  const parsed = safeParse(schema, value);
  if (!parsed.success) throw onError(parsed.error);
  return parsed.data;
}

/**
 * Parses an operation's path parameters (404 when they name nothing) and
 * query (400 for a name given twice, 422 per field), refusing text the
 * database cannot store. `handle` does this for every route; the event
 * streams served below Next (lib/live/event-stream-server.ts) call it too,
 * so both layers read the same contract the same way.
 */
export function parseUrlInput<O extends AnyOperation>(operation: O, rawParams: Record<string, string | string[]>, url: URL): Pick<Parsed<O>, "params" | "query"> {
  // A path with a NUL byte or a lone surrogate names nothing: 404, as any id that cannot exist.
  if (unstorableTextPath(rawParams) !== null) throw new AppError("NOT_FOUND", "There is nothing at this address.");
  const params = parsePart(operation.params, rawParams, (error) => new AppError("NOT_FOUND", error.issues[0]?.message ?? "There is nothing at this address."));
  const rawQuery = queryValues(url);
  refuseUnstorable(rawQuery, "query");
  const query = parsePart(operation.query ?? undefined, rawQuery, validationError);
  return { params, query } as Pick<Parsed<O>, "params" | "query">;
}

/** A HEAD answer has a GET's status and headers and never a body (RFC 9110 §9.3.2), errors included. */
function withoutBodyForHead(request: Request, response: Response): Response {
  if (request.method !== "HEAD" || response.body === null) return response;
  void response.body.cancel();
  return new Response(null, { status: response.status, headers: response.headers });
}

/**
 * The route handler of an operation. Every request goes through the same
 * steps, in this order: same-origin check for writes (403; not for a write
 * that an operation taking API tokens gets with a bearer token), the guard (401
 * before any 422, so a signed-out caller learns nothing about the input
 * rules), path parameters (404: an id that cannot exist names nothing),
 * query and body (400 for malformed JSON or repeated fields, 413 past the
 * size limit, 422 with a message per field), the handler, and one mapping
 * of any error to its status.
 */
export function handle<O extends AnyOperation>(operation: O, handler: (context: OperationContext<O>) => Promise<HandlerResult<O>>): OperationHandler<O> {
  const routeHandler = async (request: Request, context: { params: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    try {
      // A bearer token is exempt from the same-origin check: a browser never attaches one by itself (and a page on
      // another site cannot add the header without a CORS preflight Glossa never grants), so it cannot be forged into a
      // victim's request. Where a token is used the cookie is not (sessionForRequest), so a cookie never acts unchecked.
      if (!(operation.apiTokens && bearerSecret(request) !== null)) assertSameOrigin(request);
      const viewer = await admitViewer(operation.guard, request, { apiTokens: operation.apiTokens });
      const { params, query } = parseUrlInput(operation, await context.params, new URL(request.url));
      let body: unknown;
      if (operation.body) {
        const raw = await readJsonBody(request, operation.maxBodyBytes);
        refuseUnstorable(raw, "body");
        body = parsePart(operation.body, raw ?? {}, validationError);
      }
      const result = await handler({ request, viewer, params, query, body } as OperationContext<O>);
      if (result instanceof Response) return withoutBodyForHead(request, result);
      if (operation.status === 204) return new Response(null, { status: 204 });
      return withoutBodyForHead(request, jsonResponse(result, { status: operation.status }));
    } catch (error) {
      const response = errorResponse(error, operation.name);
      // RFC 6750: a 401 where a bearer token may be used says so, and whether the one sent was the trouble.
      if (operation.apiTokens && response.status === 401) {
        response.headers.set("www-authenticate", bearerSecret(request) === null ? 'Bearer realm="Glossa"' : 'Bearer realm="Glossa", error="invalid_token"');
      }
      return withoutBodyForHead(request, response);
    }
  };
  return Object.assign(routeHandler, { operation });
}
