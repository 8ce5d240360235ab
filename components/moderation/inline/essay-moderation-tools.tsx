import type { Viewer } from "@/lib/auth/viewer";
import { hasRole } from "@/lib/auth/viewer";
import { isAppError } from "@/lib/errors";
import { loadEssayModeration } from "@/lib/moderation/load-essay-moderation";
import { EssayModerationBridge } from "./essay-moderation-bridge";

/**
 * The essay page's inline moderation, for moderators and admins only: it
 * loads their extras and hands them to the page's comments and notes. For
 * anyone else it renders nothing and reads nothing.
 */
export async function EssayModerationTools({ viewer, essayId }: { viewer: Viewer | null; essayId: string }) {
  if (!viewer || !hasRole(viewer, "MODERATOR")) return null;
  // A suspended moderator may not moderate (the actions refuse them too): the page is a reader's.
  const value = await loadEssayModeration(viewer, essayId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "FORBIDDEN") return null;
    throw error;
  });
  return value && <EssayModerationBridge value={value} />;
}
