import { getDiscussion } from "@/lib/comments/contracts";
import { countThreads, loadDiscussion } from "@/lib/comments/queries";
import { handle } from "@/lib/http/operation";

export const GET = handle(getDiscussion, async ({ params, viewer }) => {
  const viewerId = viewer?.id ?? null;
  const [general, passageThreads] = await Promise.all([loadDiscussion(params.essayId, viewerId, { sort: "top", highlightId: null }), countThreads(params.essayId, viewerId, "*")]);
  return { general, passageThreads };
});
