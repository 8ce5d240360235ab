import { handle } from "@/lib/http/operation";
import * as contracts from "@/lib/passages/contracts";
import { setEssayPublicHighlights } from "@/lib/passages/set-essay-public-highlights";

export const PUT = handle(contracts.setEssayPublicHighlights, async ({ params, viewer, body }) => ({
  publicHighlightsOpen: await setEssayPublicHighlights(viewer, params.essayId, body.open, body.reason || null),
}));
