import "server-only";
import { db } from "@/lib/db/client";
import { listPassageControls } from "./list-passage-controls";
import type { PassageControlView } from "./view";

/** What the essay page needs to tell readers about its passages: the controls on its current revision, and whether public highlights are open. */
export async function loadPassageState(essayId: string): Promise<{ controls: PassageControlView[]; publicHighlightsOpen: boolean }> {
  const [controls, essay] = await Promise.all([listPassageControls(essayId), db.essay.findUnique({ where: { id: essayId }, select: { publicHighlightsOpen: true } })]);
  return { controls, publicHighlightsOpen: essay?.publicHighlightsOpen ?? true };
}
