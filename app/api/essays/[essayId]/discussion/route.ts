import { assertEssayPublished } from "@/lib/essays/unpublished-essays";
import { getDiscussion } from "@/lib/comments/contracts";
import { loadDiscussionOverview } from "@/lib/comments/load-discussion-overview";
import { handle } from "@/lib/http/operation";

export const GET = handle(getDiscussion, async ({ params, viewer }) => {
  await assertEssayPublished(params.essayId);
  return loadDiscussionOverview(params.essayId, viewer?.id ?? null);
});
