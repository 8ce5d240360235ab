import "server-only";
import { renderMarkdown } from "@/lib/markdown/render";
import { mentionableHandles } from "@/lib/notifications/mentions";

/** A comment's stored HTML: its Markdown rendered and sanitised, with "@handle" linked for the accounts a mention reaches (one query, only when the text mentions anyone). */
export async function renderCommentHtml(body: string): Promise<string> {
  return renderMarkdown(body, await mentionableHandles(body));
}
