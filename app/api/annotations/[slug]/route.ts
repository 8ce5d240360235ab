import * as contracts from "@/lib/annotations/contracts";
import { createAnnotation } from "@/lib/annotations/create-annotation";
import { annotationResponse, containerHeaders, negotiateMediaType } from "@/lib/annotations/protocol";
import { readAnnotationContainer } from "@/lib/annotations/read-annotations";
import { essayForAnnotations } from "@/lib/annotations/sources";
import { handle } from "@/lib/http/operation";
import { publicOrigin } from "@/lib/http/public-origin";

// Served at /annotations/<slug>/ (proxy.ts rewrites the protocol's IRIs here).

export const GET = handle(contracts.getAnnotationContainer, async ({ request, params, query, viewer }) => readAnnotationContainer(request, params.slug, query, viewer?.id ?? null));

export const HEAD = handle(contracts.headAnnotationContainer, async ({ request, params, query, viewer }) => readAnnotationContainer(request, params.slug, query, viewer?.id ?? null));

export const OPTIONS = handle(contracts.annotationContainerOptions, async ({ params }) => {
  await essayForAnnotations(params.slug);
  return new Response(null, { status: 204, headers: containerHeaders() });
});

export const POST = handle(contracts.createAnnotation, async ({ request, params, viewer, body }) => {
  const mediaType = negotiateMediaType(request);
  const created = await createAnnotation(publicOrigin(request), viewer, await essayForAnnotations(params.slug), body);
  return annotationResponse(request, created.annotation, mediaType, 201);
});
