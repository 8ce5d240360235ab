import { revalidatePath } from "next/cache";
import { getViewer, requireUser } from "@/lib/auth/viewer";
import { createHighlight } from "@/lib/highlights/create-highlight";
import { listHighlightsForEssay } from "@/lib/highlights/list-highlights";
import { createHighlightSchema, type CreateHighlightInput } from "@/lib/highlights/schemas";
import { route } from "@/lib/http/route";
import { consume, LIMITS } from "@/lib/rate-limit/limits";

type Params = { essayId: string };

/** The essay's highlights this viewer may see: every public one and their own private ones. */
export const GET = route<Params, unknown>({}, async ({ params }) => {
  const viewer = await getViewer();
  return { highlights: await listHighlightsForEssay(params.essayId, viewer?.id ?? null) };
});

export const POST = route({ schema: createHighlightSchema, status: 201 }, async ({ params, body }: { params: Params; body: CreateHighlightInput }) => {
  const viewer = await requireUser();
  await consume([{ rule: LIMITS.highlightsPerUser, key: viewer.id }]);
  const highlight = await createHighlight(viewer.id, params.essayId, body);
  revalidatePath("/");
  return { highlight };
});
