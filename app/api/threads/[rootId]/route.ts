import { z } from "zod";
import { getViewer } from "@/lib/auth/viewer";
import { loadThread } from "@/lib/comments/queries";
import { AppError } from "@/lib/errors";
import { route } from "@/lib/http/route";

/** A whole thread, depth-first, in one query (or the subtree under ?from=). */
export const GET = route<{ rootId: string }, unknown>({}, async ({ request, params }) => {
  const rootId = z.coerce.number().int().positive().safeParse(params.rootId);
  if (!rootId.success) throw new AppError("NOT_FOUND", "That thread does not exist.");
  const from = z.coerce.number().int().positive().optional().safeParse(new URL(request.url).searchParams.get("from") ?? undefined);
  const viewer = await getViewer();
  return { comments: await loadThread(rootId.data, viewer?.id ?? null, from.success ? from.data : undefined) };
});
