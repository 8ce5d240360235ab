import "server-only";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe to place in HTML, as element content or an attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ENTITIES[character]!);
}

/**
 * One block of a message: a paragraph; a call to action (its link, with the
 * words on the button); a heading or subheading (a digest's essays and
 * threads); or an item, a line that links to where it happened.
 */
export type MailBlock = { paragraph: string } | { action: string; href: string } | { heading: string } | { subheading: string } | { item: string; href: string };

const P = `font-size:17px;line-height:1.5`;

function textOf(block: MailBlock): string {
  if ("paragraph" in block) return block.paragraph;
  if ("action" in block) return `${block.action}:\n${block.href}`;
  if ("heading" in block) return `${block.heading}\n${"=".repeat(Math.min(60, block.heading.length))}`;
  if ("subheading" in block) return `${block.subheading}\n${"-".repeat(Math.min(60, block.subheading.length))}`;
  return `- ${block.item}\n  ${block.href}`;
}

function htmlOf(block: MailBlock): string {
  if ("paragraph" in block) return `<p style="${P}">${escapeHtml(block.paragraph)}</p>`;
  if ("action" in block) {
    return `<p><a href="${escapeHtml(block.href)}" style="display:inline-block;padding:12px 20px;background:#7a3b12;color:#fff;text-decoration:none;border-radius:6px;font-family:system-ui,sans-serif">${escapeHtml(block.action)}</a></p><p style="font-size:13px;color:#5c574f;word-break:break-all">${escapeHtml(block.href)}</p>`;
  }
  if ("heading" in block) return `<h2 style="font-size:20px;margin:28px 0 8px">${escapeHtml(block.heading)}</h2>`;
  if ("subheading" in block) return `<h3 style="font-size:15px;margin:18px 0 6px;color:#5c574f;font-family:system-ui,sans-serif">${escapeHtml(block.subheading)}</h3>`;
  return `<p style="${P};margin:6px 0"><a href="${escapeHtml(block.href)}" style="color:#7a3b12">${escapeHtml(block.item)}</a></p>`;
}

/**
 * A message's two parts from one list of blocks, so the plain-text part
 * always says what the HTML part says. Every value is escaped; links are
 * written out in full in the text part (no client needed to follow them).
 */
export function mailBody(greeting: string, blocks: MailBlock[], footer: string): { text: string; html: string } {
  const text = [greeting, ...blocks.map(textOf), `—\n${footer}`].join("\n\n");
  const html = [
    `<!doctype html><html><body style="margin:0;padding:24px;background:#f6f4ef;font-family:Georgia,serif;color:#1f1d1a">`,
    `<div style="max-width:560px;margin:0 auto;background:#fff;padding:32px;border-radius:8px">`,
    `<p style="${P}">${escapeHtml(greeting)}</p>`,
    ...blocks.map(htmlOf),
    `<p style="font-size:13px;color:#5c574f;border-top:1px solid #e6e1d8;padding-top:16px">${escapeHtml(footer)}</p>`,
    `</div></body></html>`,
  ].join("");
  return { text, html };
}
