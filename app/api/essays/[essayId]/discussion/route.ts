import { getViewer } from "@/lib/auth/viewer";
import { countThreads, loadDiscussion } from "@/lib/comments/queries";
import { route } from "@/lib/http/route";

/** What the discussion under an essay opens with: the general discussion's first page (Top) and how many threads hang on passages. */
export const GET = route<{ essayId: string }, unknown>({}, async ({ params }) => {
  const viewerId = (await getViewer())?.id ?? null;
  const [general, passageThreads] = await Promise.all([loadDiscussion(params.essayId, viewerId, { sort: "top", highlightId: null }), countThreads(params.essayId, viewerId, "*")]);
  return { general, passageThreads };
});
