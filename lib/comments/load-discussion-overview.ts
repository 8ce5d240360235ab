import "server-only";
import { countThreads, loadDiscussion } from "./queries";
import { PositionCache } from "@/lib/live/position-cache";
import type { DiscussionOverview } from "./view";

async function readDiscussionOverview(essayId: string, viewerId: string | null): Promise<DiscussionOverview> {
  const [general, passageThreads] = await Promise.all([loadDiscussion(essayId, viewerId, { sort: "top", highlightId: null }), countThreads(essayId, viewerId, "*")]);
  return { general, passageThreads };
}

/**
 * Signed-out first screens by essay and event position (see PositionCache):
 * for bench:threads' 50,000 comments a read is 12 ms on the event loop, which
 * the essay page's first byte waited for. Each entry is ~55 KB.
 */
const signedOutOverviews = new PositionCache<DiscussionOverview>(200, 5_000);

/**
 * What the essay page shows of its discussion first: the first page of
 * general threads by Top, and how many passage threads there are. Given the
 * event position the page read first, a signed-out reader's is shared with
 * every other signed-out reader's at that position.
 */
export function loadDiscussionOverview(essayId: string, viewerId: string | null, position?: number): Promise<DiscussionOverview> {
  if (viewerId !== null || position === undefined) return readDiscussionOverview(essayId, viewerId);
  return signedOutOverviews.read(essayId, position, () => readDiscussionOverview(essayId, null));
}
