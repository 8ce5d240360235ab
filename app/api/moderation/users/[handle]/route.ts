import { handle } from "@/lib/http/operation";
import * as contracts from "@/lib/moderation/contracts";
import { readUserRecord } from "@/lib/moderation/read-user-record";

export const GET = handle(contracts.readUserRecord, async ({ viewer, params }) => ({ user: await readUserRecord(viewer, params.handle) }));
