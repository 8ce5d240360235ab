import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/viewer";
import { updateHighlightSchema, type UpdateHighlightInput } from "@/lib/highlights/schemas";
import { deleteHighlight, updateHighlight } from "@/lib/highlights/update-highlight";
import { route } from "@/lib/http/route";

type Params = { highlightId: string };

export const PATCH = route({ schema: updateHighlightSchema }, async ({ params, body }: { params: Params; body: UpdateHighlightInput }) => {
  const viewer = await requireUser();
  return { highlight: await updateHighlight(viewer.id, params.highlightId, body) };
});

export const DELETE = route<Params, void>({}, async ({ params }) => {
  const viewer = await requireUser();
  await deleteHighlight(viewer.id, params.highlightId);
  revalidatePath("/");
});
