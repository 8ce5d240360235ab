import { handle } from "@/lib/http/operation";
import { closePassageToPublicHighlights } from "@/lib/passages/close-passage-to-public-highlights";
import * as contracts from "@/lib/passages/contracts";

export const POST = handle(contracts.closePublicHighlights, async ({ params, viewer, body }) => ({ control: await closePassageToPublicHighlights(viewer, params.essayId, body) }));
