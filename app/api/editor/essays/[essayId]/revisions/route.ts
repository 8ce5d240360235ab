import { reviseEssay as reviseEssayContract } from "@/lib/essays/contracts";
import { reviseEssay } from "@/lib/essays/revise-essay";
import { handle } from "@/lib/http/operation";

export const POST = handle(reviseEssayContract, async ({ params, body, viewer }) => ({ revision: await reviseEssay(viewer, params.essayId, body) }));
