import { assertEssayPublished } from "@/lib/essays/unpublished-essays";
import * as contracts from "@/lib/highlights/contracts";
import { createHighlight } from "@/lib/highlights/create-highlight";
import { listHighlightsForEssay } from "@/lib/highlights/list-highlights";
import { handle } from "@/lib/http/operation";

export const GET = handle(contracts.listHighlights, async ({ params, viewer }) => {
  await assertEssayPublished(params.essayId);
  return { highlights: await listHighlightsForEssay(params.essayId, viewer?.id ?? null) };
});

export const POST = handle(contracts.createHighlight, async ({ params, viewer, body }) => ({ highlight: await createHighlight(viewer.id, params.essayId, body) }));
