import { setEssayPublished as setEssayPublishedContract } from "@/lib/essays/contracts";
import { setEssayPublished } from "@/lib/essays/set-essay-published";
import { handle } from "@/lib/http/operation";

export const PATCH = handle(setEssayPublishedContract, async ({ params, body, viewer }) => setEssayPublished(viewer, params.essayId, body.published, body.reason || null));
