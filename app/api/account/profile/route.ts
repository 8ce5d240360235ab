import { revalidatePath } from "next/cache";
import { updateDisplayName } from "@/lib/auth/account-settings";
import { updateProfileSchema } from "@/lib/auth/schemas";
import { requireUser } from "@/lib/auth/viewer";
import { route } from "@/lib/http/route";

export const PATCH = route({ schema: updateProfileSchema }, async ({ body }) => {
  const viewer = await requireUser();
  const profile = await updateDisplayName(viewer.id, body.name);
  revalidatePath(`/u/${viewer.handle}`);
  return { profile };
});
