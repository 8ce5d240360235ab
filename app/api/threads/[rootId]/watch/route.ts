import { handle } from "@/lib/http/operation";
import { setThreadWatch as setOp } from "@/lib/notifications/contracts";
import { setThreadWatch } from "@/lib/notifications/thread-subscription";

export const POST = handle(setOp, async ({ viewer, params, body }) => setThreadWatch(viewer.id, params.rootId, body.mode));
