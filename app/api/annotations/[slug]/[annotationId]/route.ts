import * as contracts from "@/lib/annotations/contracts";
import { deleteAnnotation } from "@/lib/annotations/delete-annotation";
import { annotationHeaders, annotationResponse, negotiateMediaType } from "@/lib/annotations/protocol";
import { readAnnotation } from "@/lib/annotations/read-annotations";
import { replaceAnnotation } from "@/lib/annotations/replace-annotation";
import { essayForAnnotations } from "@/lib/annotations/sources";
import { handle } from "@/lib/http/operation";
import { publicOrigin } from "@/lib/http/public-origin";

// Served at /annotations/<slug>/<id> (proxy.ts rewrites the protocol's IRIs here).

export const GET = handle(contracts.getAnnotation, async ({ request, params, viewer }) => readAnnotation(request, params.slug, params.annotationId, viewer?.id ?? null));

export const HEAD = handle(contracts.headAnnotation, async ({ request, params, viewer }) => readAnnotation(request, params.slug, params.annotationId, viewer?.id ?? null));

export const OPTIONS = handle(contracts.annotationOptions, async ({ request, params, viewer }) => {
  // The same 404 as a GET: OPTIONS must not tell whether another reader's private highlight exists.
  await readAnnotation(request, params.slug, params.annotationId, viewer?.id ?? null);
  return new Response(null, { status: 204, headers: annotationHeaders() });
});

export const PUT = handle(contracts.replaceAnnotation, async ({ request, params, viewer, body }) => {
  const mediaType = negotiateMediaType(request);
  const replaced = await replaceAnnotation(request, publicOrigin(request), viewer, await essayForAnnotations(params.slug), params.annotationId, body);
  return annotationResponse(request, replaced.annotation, mediaType);
});

export const DELETE = handle(contracts.deleteAnnotation, async ({ request, params, viewer }) => {
  await deleteAnnotation(request, publicOrigin(request), viewer.id, await essayForAnnotations(params.slug), params.annotationId);
  return new Response(null, { status: 204 });
});
