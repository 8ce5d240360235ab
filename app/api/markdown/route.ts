import { previewMarkdown } from "@/lib/comments/contracts";
import { renderCommentHtml } from "@/lib/comments/render-comment-html";
import { handle } from "@/lib/http/operation";

export const POST = handle(previewMarkdown, async ({ body }) => ({ html: await renderCommentHtml(body.body) }));
