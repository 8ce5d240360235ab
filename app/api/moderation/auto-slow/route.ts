import { handle } from "@/lib/http/operation";
import { setAutoSlow } from "@/lib/moderation/set-auto-slow";
import * as contracts from "@/lib/passages/contracts";

export const PUT = handle(contracts.setAutoSlow, async ({ viewer, body }) => {
  await setAutoSlow(viewer, { threshold: body.threshold, seconds: body.seconds }, body.reason || null);
});
