import * as z from "zod/mini";
import { defineOperation, returns, type DocumentResponse } from "@/lib/http/contract";
import { counterText } from "@/lib/validation";
import { annotationInputSchema } from "./schemas";
import { parseAnnotationId } from "./web-annotation";

// The W3C Web Annotation Protocol (https://www.w3.org/TR/annotation-protocol/).
// Clients address the container as /annotations/<essay-slug>/ and an
// annotation as /annotations/<essay-slug>/<id>; proxy.ts serves those IRIs
// from the routes below, so the protocol's operations live with the rest of
// the API (its headers, its tests). Every one takes a personal API token as
// well as the session cookie (apiTokens): this is the API tokens are for.
// Reads are public (anyone may read public annotations; an authenticated
// reader also sees their own private highlights and held comments); writes
// need a writer, as the web's highlights and comments do.

const slug = z.string({ error: "There is no essay with that address." }).check(z.regex(/^[A-Za-z0-9_-]{1,200}$/, "There is no essay with that address."));
const containerParams = z.object({ slug });
const annotationParams = z.object({
  slug,
  annotationId: z.string({ error: "There is no annotation at this address." }).check(z.refine((segment) => parseAnnotationId(segment) !== null, "There is no annotation at this address.")),
});
const containerQuery = z.object({
  page: z.optional(counterText("A page is a whole number, from 0.")),
  iris: z.optional(z.literal("1", { error: "iris=1 asks for pages that list annotation IRIs; leave it out for whole annotations." })),
});

/** An essay's annotation container (?page=N for one AnnotationPage); content negotiation, Prefer and If-None-Match apply. */
export const getAnnotationContainer = defineOperation({
  name: "get annotation container",
  method: "GET",
  path: "/api/annotations/:slug",
  guard: "public",
  params: containerParams,
  query: containerQuery,
  apiTokens: true,
  response: returns<DocumentResponse>(),
});

/** The container's headers without its body. */
export const headAnnotationContainer = defineOperation({ ...getAnnotationContainer, name: "head annotation container", method: "HEAD" });

/** What the container allows and accepts (Allow, Accept-Post, Link). */
export const annotationContainerOptions = defineOperation({
  name: "annotation container options",
  method: "OPTIONS",
  path: "/api/annotations/:slug",
  guard: "public",
  params: containerParams,
  apiTokens: true,
  status: 204,
  response: returns<DocumentResponse>(),
});

/** Creates an annotation in the container: a private highlight, or a comment or reply (201, Location). */
export const createAnnotation = defineOperation({
  name: "create annotation",
  method: "POST",
  path: "/api/annotations/:slug",
  guard: "writer",
  params: containerParams,
  body: annotationInputSchema,
  apiTokens: true,
  status: 201,
  response: returns<DocumentResponse>(),
});

/** One annotation, as this reader may see it. */
export const getAnnotation = defineOperation({
  name: "get annotation",
  method: "GET",
  path: "/api/annotations/:slug/:annotationId",
  guard: "public",
  params: annotationParams,
  apiTokens: true,
  response: returns<DocumentResponse>(),
});

/** One annotation's headers without its body. */
export const headAnnotation = defineOperation({ ...getAnnotation, name: "head annotation", method: "HEAD" });

/** What an annotation allows (Allow, Link). */
export const annotationOptions = defineOperation({
  name: "annotation options",
  method: "OPTIONS",
  path: "/api/annotations/:slug/:annotationId",
  guard: "public",
  params: annotationParams,
  apiTokens: true,
  status: 204,
  response: returns<DocumentResponse>(),
});

/** Replaces one's own annotation (If-Match required: 428 without, 412 when stale). */
export const replaceAnnotation = defineOperation({
  name: "replace annotation",
  method: "PUT",
  path: "/api/annotations/:slug/:annotationId",
  guard: "writer",
  params: annotationParams,
  body: annotationInputSchema,
  apiTokens: true,
  response: returns<DocumentResponse>(),
});

/** Deletes one's own annotation (204; If-Match optional, 412 when stale). */
export const deleteAnnotation = defineOperation({
  name: "delete annotation",
  method: "DELETE",
  path: "/api/annotations/:slug/:annotationId",
  guard: "writer",
  params: annotationParams,
  apiTokens: true,
  status: 204,
  response: returns<DocumentResponse>(),
});
