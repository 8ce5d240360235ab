import { voteComment } from "@/lib/comments/contracts";
import { toggleVote } from "@/lib/comments/toggle-vote";
import { handle } from "@/lib/http/operation";

export const POST = handle(voteComment, async ({ params, viewer }) => toggleVote(viewer.id, params.commentId));
