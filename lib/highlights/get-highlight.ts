import "server-only";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { highlightViewSelect, toHighlightView, type HighlightView } from "./view";

/**
 * One highlight as `viewerId` (null: signed out) may see it: a public one,
 * or the viewer's own private one, never deleted. Anything else is 404, the
 * same answer as for an id that never existed, so the answer does not tell
 * whether someone else's private highlight exists. A live page fetches
 * through here when the stream says a highlight changed.
 */
export async function getHighlight(highlightId: string, viewerId: string | null): Promise<HighlightView> {
  const row = await db.highlight.findFirst({
    where: { id: highlightId, deletedAt: null, essay: { unpublishedAt: null }, OR: [{ visibility: "PUBLIC" }, ...(viewerId ? [{ authorId: viewerId }] : [])] },
    select: highlightViewSelect,
  });
  if (!row) throw new AppError("NOT_FOUND", "That highlight does not exist.");
  return toHighlightView(row, viewerId);
}
