import * as contracts from "@/lib/comments/contracts";
import { createComment } from "@/lib/comments/create-comment";
import { loadDiscussion } from "@/lib/comments/queries";
import { handle } from "@/lib/http/operation";

export const GET = handle(contracts.listComments, async ({ params, query, viewer }) =>
  loadDiscussion(params.essayId, viewer?.id ?? null, { sort: query.sort, highlightId: query.highlightId ?? null, cursor: query.cursor }),
);

export const POST = handle(contracts.createComment, async ({ params, viewer, body }) => ({ comment: await createComment(viewer, params.essayId, body) }));
