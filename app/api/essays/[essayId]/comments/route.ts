import { revalidatePath } from "next/cache";
import { getViewer, requireUser } from "@/lib/auth/viewer";
import { createComment } from "@/lib/comments/create-comment";
import { loadDiscussion } from "@/lib/comments/queries";
import { createCommentSchema, discussionQuerySchema, type CreateCommentInput } from "@/lib/comments/schemas";
import { route } from "@/lib/http/route";

type Params = { essayId: string };

/** A page of the essay's discussion: general (default), one passage's (?highlightId=) or all passages' (?highlightId=*). */
export const GET = route<Params, unknown>({}, async ({ request, params }) => {
  const query = discussionQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const viewer = await getViewer();
  return loadDiscussion(params.essayId, viewer?.id ?? null, { sort: query.sort, highlightId: query.highlightId ?? null, cursor: query.cursor });
});

export const POST = route({ schema: createCommentSchema, status: 201 }, async ({ params, body }: { params: Params; body: CreateCommentInput }) => {
  const viewer = await requireUser();
  const comment = await createComment(viewer, params.essayId, body);
  revalidatePath("/");
  return { comment };
});
