import { reattachHighlight as reattachHighlightContract } from "@/lib/highlights/contracts";
import { reattachHighlight } from "@/lib/highlights/reattach-highlight";
import { handle } from "@/lib/http/operation";

export const POST = handle(reattachHighlightContract, async ({ params, body, viewer }) => ({ highlight: await reattachHighlight(viewer, params.highlightId, body) }));
