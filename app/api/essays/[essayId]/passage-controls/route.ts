import { handle } from "@/lib/http/operation";
import * as contracts from "@/lib/passages/contracts";
import { controlPassage } from "@/lib/passages/control-passage";

export const POST = handle(contracts.controlPassage, async ({ params, viewer, body }) => ({ control: await controlPassage(viewer, params.essayId, body) }));
