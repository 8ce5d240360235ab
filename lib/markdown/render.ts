import "server-only";
import MarkdownIt from "markdown-it";
import sanitizeHtml from "sanitize-html";

// CommonMark with the GFM pieces a discussion needs (strikethrough, bare
// links), and raw HTML switched off: user text never becomes markup except
// through the parser.
const parser = new MarkdownIt("default", { html: false, linkify: true, breaks: false, typographer: false }).disable(["table"]);

/** What survives sanitising: text formatting, links, lists, quotes and code. Nothing that runs. */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ["p", "br", "em", "strong", "del", "s", "a", "ul", "ol", "li", "blockquote", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hr"],
  allowedAttributes: { a: ["href", "rel"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { href: attribs.href ?? "", rel: "nofollow ugc noopener noreferrer" } }),
    // A comment's headings are emphasis, not sections of the page.
    h1: "strong",
    h2: "strong",
    h3: "strong",
    h4: "strong",
    h5: "strong",
    h6: "strong",
  },
  exclusiveFilter: (frame) => frame.tag === "a" && !frame.attribs.href,
};

/**
 * Renders a comment's Markdown to safe HTML, once, when it is written: parsed
 * by markdown-it with raw HTML disabled, then cleaned by sanitize-html to an
 * allowlist of tags and http(s)/mailto links, every link marked
 * `rel="nofollow ugc noopener noreferrer"`. The result is stored and served
 * as is; the Markdown source is kept for editing.
 */
export function renderMarkdown(source: string): string {
  return sanitizeHtml(parser.render(source), SANITIZE).trim();
}

/** The plain text of a comment's Markdown, for notifications and previews. */
export function markdownExcerpt(source: string, length = 140): string {
  const text = sanitizeHtml(parser.render(source), { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, " ").trim();
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
