import { assertCommentEssayPublished } from "@/lib/essays/unpublished-essays";
import { getThread } from "@/lib/comments/contracts";
import { loadThread } from "@/lib/comments/queries";
import { handle } from "@/lib/http/operation";

export const GET = handle(getThread, async ({ params, query, viewer }) => {
  await assertCommentEssayPublished(params.rootId);
  return { comments: await loadThread(params.rootId, viewer?.id ?? null, query.from) };
});
