import { handle } from "@/lib/http/operation";
import { moderate } from "@/lib/moderation/contracts";
import { runModerationAction } from "@/lib/moderation/run-action";

export const POST = handle(moderate, async ({ viewer, body }) => ({ ok: true as const, result: (await runModerationAction(viewer, body)) ?? null }));
