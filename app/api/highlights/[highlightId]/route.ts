import * as contracts from "@/lib/highlights/contracts";
import { deleteHighlight, updateHighlight } from "@/lib/highlights/update-highlight";
import { handle } from "@/lib/http/operation";

export const PATCH = handle(contracts.updateHighlight, async ({ params, viewer, body }) => ({ highlight: await updateHighlight(viewer.id, params.highlightId, body) }));

export const DELETE = handle(contracts.deleteHighlight, async ({ params, viewer }) => {
  await deleteHighlight(viewer.id, params.highlightId);
});
