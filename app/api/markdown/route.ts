import { z } from "zod";
import { requireUser } from "@/lib/auth/viewer";
import { route } from "@/lib/http/route";
import { renderMarkdown } from "@/lib/markdown/render";
import { commentBodySchema } from "@/lib/comments/schemas";

/** The composer's live preview, rendered by the same parser and sanitiser as a saved comment. */
export const POST = route({ schema: z.object({ body: commentBodySchema }) }, async ({ body }: { params: unknown; body: { body: string } }) => {
  await requireUser();
  return { html: renderMarkdown(body.body) };
});
