import * as contracts from "@/lib/appeals/contracts";
import { fileAppeal } from "@/lib/appeals/file-appeal";
import { handle } from "@/lib/http/operation";

export const POST = handle(contracts.fileAppeal, async ({ viewer, body }) => ({ appeal: await fileAppeal(viewer, body.message) }));
