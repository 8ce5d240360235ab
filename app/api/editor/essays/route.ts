import { publishEssay as publishEssayContract } from "@/lib/essays/contracts";
import { publishEssay } from "@/lib/essays/publish-essay";
import { handle } from "@/lib/http/operation";

export const POST = handle(publishEssayContract, async ({ body, viewer }) => ({ essay: await publishEssay(viewer, body) }));
