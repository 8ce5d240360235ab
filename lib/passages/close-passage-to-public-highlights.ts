import "server-only";
import { assertRole, type Viewer } from "@/lib/auth/viewer";
import { placePassageControl } from "./place-passage-control";
import type { ClosePassageToPublicHighlightsInput } from "./schemas";
import type { PassageControlView } from "./view";

/**
 * An editor turns public highlights off on one passage: readers may still
 * highlight it privately, and the public highlights already there stay (they
 * are readers' work and may carry discussions that quote them; taking them
 * down is moderation, done one by one with a reason). The editor's reason
 * goes to the audit log; readers are told the editors turned them off.
 */
export async function closePassageToPublicHighlights(actor: Viewer | null, essayId: string, input: ClosePassageToPublicHighlightsInput): Promise<PassageControlView> {
  assertRole(actor, "EDITOR");
  return placePassageControl(actor, essayId, input, { publicHighlightsOff: true }, "close-passage-to-public-highlights");
}
