import { restoreHighlight as restoreHighlightContract } from "@/lib/highlights/contracts";
import { restoreHighlight } from "@/lib/highlights/update-highlight";
import { handle } from "@/lib/http/operation";

export const POST = handle(restoreHighlightContract, async ({ params, viewer }) => ({ highlight: await restoreHighlight(viewer.id, params.highlightId) }));
