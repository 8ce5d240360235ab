import * as contracts from "@/lib/highlights/contracts";
import { getHighlight } from "@/lib/highlights/get-highlight";
import { deleteHighlight, updateHighlight } from "@/lib/highlights/update-highlight";
import { handle } from "@/lib/http/operation";

export const GET = handle(contracts.getHighlight, async ({ params, viewer }) => ({ highlight: await getHighlight(params.highlightId, viewer?.id ?? null) }));

export const PATCH = handle(contracts.updateHighlight, async ({ params, viewer, body }) => ({ highlight: await updateHighlight(viewer.id, params.highlightId, body) }));

export const DELETE = handle(contracts.deleteHighlight, async ({ params, viewer }) => {
  await deleteHighlight(viewer.id, params.highlightId);
});
