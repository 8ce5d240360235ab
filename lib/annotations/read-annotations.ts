import "server-only";
import { publicOrigin } from "@/lib/http/public-origin";
import { getAnnotation } from "./get-annotation";
import { listAnnotations } from "./list-annotations";
import { annotationResponse, containerResponse, negotiateMediaType, readContainerRequest } from "./protocol";
import { essayForAnnotations } from "./sources";

/**
 * GET or HEAD of an essay's container or one of its pages, for `viewerId`:
 * 406 before anything is read when no acceptable representation exists, 404
 * for an essay that is not published. A minimal container loads no members.
 */
export async function readAnnotationContainer(request: Request, slug: string, query: { page?: number; iris?: "1" }, viewerId: string | null): Promise<Response> {
  const mediaType = negotiateMediaType(request);
  const asked = readContainerRequest(request, query);
  const essay = await essayForAnnotations(slug);
  const page = asked.page ?? (asked.preference.minimal ? null : 0);
  return containerResponse(request, await listAnnotations(publicOrigin(request), essay, viewerId, page, asked.preference.iris), asked, mediaType);
}

/** GET or HEAD of one annotation, as `viewerId` may see it (404 for what they may not). */
export async function readAnnotation(request: Request, slug: string, segment: string, viewerId: string | null): Promise<Response> {
  const mediaType = negotiateMediaType(request);
  const essay = await essayForAnnotations(slug);
  return annotationResponse(request, (await getAnnotation(publicOrigin(request), essay, segment, viewerId)).annotation, mediaType);
}
