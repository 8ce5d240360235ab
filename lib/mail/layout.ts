import "server-only";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe to place in HTML, as element content or an attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]!);
}

/** One paragraph of a message, or a call to action: its link, with the words on the button. */
export type MailBlock = { paragraph: string } | { action: string; href: string };

/**
 * A message's two parts from one list of blocks, so the plain-text part
 * always says what the HTML part says. Every value is escaped; links are
 * written out in full in the text part (no client needed to follow them).
 */
export function mailBody(greeting: string, blocks: MailBlock[], footer: string): { text: string; html: string } {
  const text = [greeting, ...blocks.map((block) => ("paragraph" in block ? block.paragraph : `${block.action}:\n${block.href}`)), `—\n${footer}`].join("\n\n");
  const html = [
    `<!doctype html><html><body style="margin:0;padding:24px;background:#f6f4ef;font-family:Georgia,serif;color:#1f1d1a">`,
    `<div style="max-width:560px;margin:0 auto;background:#fff;padding:32px;border-radius:8px">`,
    `<p style="font-size:17px;line-height:1.5">${escapeHtml(greeting)}</p>`,
    ...blocks.map((block) =>
      "paragraph" in block
        ? `<p style="font-size:17px;line-height:1.5">${escapeHtml(block.paragraph)}</p>`
        : `<p><a href="${escapeHtml(block.href)}" style="display:inline-block;padding:12px 20px;background:#7a3b12;color:#fff;text-decoration:none;border-radius:6px;font-family:system-ui,sans-serif">${escapeHtml(block.action)}</a></p><p style="font-size:13px;color:#5c574f;word-break:break-all">${escapeHtml(block.href)}</p>`,
    ),
    `<p style="font-size:13px;color:#5c574f;border-top:1px solid #e6e1d8;padding-top:16px">${escapeHtml(footer)}</p>`,
    `</div></body></html>`,
  ].join("");
  return { text, html };
}
