import { getDiscussion } from "@/lib/comments/contracts";
import { loadDiscussionOverview } from "@/lib/comments/load-discussion-overview";
import { handle } from "@/lib/http/operation";

export const GET = handle(getDiscussion, ({ params, viewer }) => loadDiscussionOverview(params.essayId, viewer?.id ?? null));
