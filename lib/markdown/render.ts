import "server-only";
import MarkdownIt, { type StateCore } from "markdown-it";
import sanitizeHtml from "sanitize-html";
import { MENTION_PATTERN } from "@/lib/notifications/mention-pattern";

// CommonMark with the GFM pieces a discussion needs (strikethrough, bare
// links), and raw HTML switched off: user text never becomes markup except
// through the parser.
const parser = new MarkdownIt("default", { html: false, linkify: true, breaks: false, typographer: false }).disable(["table"]).use(linkMentions);

/**
 * Links "@handle" to the reader's profile where `env.mentions` holds the
 * handle: only accounts that exist, never inside code (a separate token
 * type) or inside a link, matched as notifications match them.
 */
function linkMentions(md: InstanceType<typeof MarkdownIt>): void {
  md.core.ruler.after("linkify", "mentions", (state: StateCore) => {
    const mentions = (state.env as { mentions?: ReadonlySet<string> } | undefined)?.mentions;
    if (!mentions?.size) return;
    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children) continue;
      let linkDepth = 0;
      const children = [];
      for (const token of block.children) {
        if (token.type === "link_open") linkDepth += 1;
        if (token.type === "link_close") linkDepth -= 1;
        if (token.type !== "text" || linkDepth > 0) {
          children.push(token);
          continue;
        }
        const text = (content: string) => Object.assign(new state.Token("text", "", 0), { content });
        let done = 0;
        for (const match of token.content.matchAll(MENTION_PATTERN)) {
          const handle = match[1]!;
          if (!mentions.has(handle.toLowerCase())) continue;
          const at = match.index + match[0].length - handle.length - 1;
          if (at > done) children.push(text(token.content.slice(done, at)));
          children.push(
            Object.assign(new state.Token("link_open", "a", 1), { attrs: [["href", `/u/${encodeURIComponent(handle.toLowerCase())}`]] }),
            text(`@${handle}`),
            new state.Token("link_close", "a", -1),
          );
          done = at + 1 + handle.length;
        }
        if (done === 0) children.push(token);
        else if (done < token.content.length) children.push(text(token.content.slice(done)));
      }
      block.children = children;
    }
  });
}

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
 * `rel="nofollow ugc noopener noreferrer"`; "@handle" links to the profile
 * of each handle in `mentions` (lower-cased). The result is stored and served
 * as is; the Markdown source is kept for editing.
 */
export function renderMarkdown(source: string, mentions: ReadonlySet<string> = new Set()): string {
  return sanitizeHtml(parser.render(source, { mentions }), SANITIZE).trim();
}

/** The plain text of a comment's Markdown, for notifications and previews. */
export function markdownExcerpt(source: string, length = 140): string {
  const text = sanitizeHtml(parser.render(source), { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, " ").trim();
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}
