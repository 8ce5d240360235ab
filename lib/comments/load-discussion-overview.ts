import "server-only";
import { countThreads, loadDiscussion } from "./queries";
import type { DiscussionOverview } from "./view";

/** What the essay page shows of its discussion first: the first page of general threads by Top, and how many passage threads there are. */
export async function loadDiscussionOverview(essayId: string, viewerId: string | null): Promise<DiscussionOverview> {
  const [general, passageThreads] = await Promise.all([loadDiscussion(essayId, viewerId, { sort: "top", highlightId: null }), countThreads(essayId, viewerId, "*")]);
  return { general, passageThreads };
}
