import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/viewer";
import { route } from "@/lib/http/route";
import { runModerationAction } from "@/lib/moderation/run-action";
import { moderationActionSchema, type ModerationActionInput } from "@/lib/moderation/schemas";

/**
 * Every moderation action, one at a time or in bulk. The body names the
 * action; each operation checks the actor's role against the permissions
 * table before it touches anything.
 */
export const POST = route({ schema: moderationActionSchema }, async ({ body }: { params: unknown; body: ModerationActionInput }) => {
  const result = await runModerationAction(await requireUser(), body);
  revalidatePath("/moderation");
  return { ok: true, result: result ?? null };
});
