import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { jsonResponse } from "./json-response";
import { errorResponse, validationError } from "./respond";
import { assertSameOrigin } from "./same-origin";

/** The largest JSON body any route accepts. */
const MAX_BODY_BYTES = 64 * 1024;

interface Context<Params> {
  request: Request;
  params: Params;
}

interface ContextWithBody<Params, Body> extends Context<Params> {
  body: Body;
}

type Handler<Params, Result> = (context: Context<Params>) => Promise<Result>;
type HandlerWithBody<Params, Body, Result> = (context: ContextWithBody<Params, Body>) => Promise<Result>;
type NextHandler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw new AppError("BAD_REQUEST", "The request is too large.");
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body must be JSON.");
  }
}

function toResponse(result: unknown, status: number): Response {
  if (result instanceof Response) return result;
  if (result === undefined) return new Response(null, { status: 204 });
  return jsonResponse(result, { status });
}

/**
 * Wraps a route handler in the write pipeline's outer steps: refuse
 * cross-origin writes (403), parse the JSON body with `schema` (422 with a
 * message per field), run the handler, and map any error to its status once.
 * The handler does the rest in order: guard (requireUser/requireRole), data
 * layer, revalidate.
 */
export function route<Params, Body, Result>(
  options: { schema: z.ZodType<Body, unknown>; status?: number },
  handler: HandlerWithBody<Params, Body, Result>,
): NextHandler;
export function route<Params, Result>(options: { status?: number }, handler: Handler<Params, Result>): NextHandler;
export function route<Params, Body, Result>(
  options: { schema?: z.ZodType<Body, unknown>; status?: number },
  handler: HandlerWithBody<Params, Body, Result> | Handler<Params, Result>,
): NextHandler {
  return async (request, context) => {
    try {
      assertSameOrigin(request);
      const params = (await context.params) as Params;
      if (!options.schema) return toResponse(await (handler as Handler<Params, Result>)({ request, params }), options.status ?? 200);
      const parsed = options.schema.safeParse(await readJson(request));
      if (!parsed.success) throw validationError(parsed.error);
      return toResponse(await (handler as HandlerWithBody<Params, Body, Result>)({ request, params, body: parsed.data }), options.status ?? 200);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
