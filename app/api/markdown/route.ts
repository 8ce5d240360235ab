import { previewMarkdown } from "@/lib/comments/contracts";
import { handle } from "@/lib/http/operation";
import { renderMarkdown } from "@/lib/markdown/render";

export const POST = handle(previewMarkdown, async ({ body }) => ({ html: renderMarkdown(body.body) }));
