import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/viewer";
import { restoreHighlight } from "@/lib/highlights/update-highlight";
import { route } from "@/lib/http/route";

/** Undo for a deleted highlight: the very same highlight comes back. */
export const POST = route<{ highlightId: string }, unknown>({}, async ({ params }) => {
  const viewer = await requireUser();
  const highlight = await restoreHighlight(viewer.id, params.highlightId);
  revalidatePath("/");
  return { highlight };
});
