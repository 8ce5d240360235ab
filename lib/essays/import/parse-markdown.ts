import MarkdownIt, { type Token } from "markdown-it";
import type { DraftBlock, ImportedEssay } from "@/lib/essays/document";
import { AppError } from "@/lib/errors";
import { classifyChrome } from "./chrome";
import { tidyLine } from "./prose";

const markdown = new MarkdownIt("commonmark");

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;
const FIELD_NAMES = {
  title: ["title"],
  dek: ["dek", "standfirst", "subtitle", "description", "summary"],
  byline: ["byline", "author", "by"],
  attribution: ["attribution", "source", "publication", "site"],
} as const;

/** Reads `key: value` lines of YAML-style front matter; values may be quoted. */
function readFrontMatter(content: string): { fields: Map<string, string>; body: string } {
  const match = FRONT_MATTER.exec(content.trimStart());
  const fields = new Map<string, string>();
  if (!match) return { fields, body: content };
  for (const line of match[1]!.split(/\r?\n/)) {
    const field = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!field) continue;
    const value = field[2]!
      .trim()
      .replace(/^(["'])(.*)\1$/, "$2")
      .trim();
    if (value) fields.set(field[1]!.toLowerCase(), value);
  }
  return { fields, body: content.trimStart().slice(match[0].length) };
}

function pick(fields: Map<string, string>, names: readonly string[]): string | null {
  for (const name of names) {
    const value = fields.get(name);
    if (value) return value;
  }
  return null;
}

/** The plain text of an inline token: emphasis and links reduced to their words. */
function inlineText(token: Token): string {
  const parts = (token.children ?? []).map((child) => {
    if (child.type === "softbreak" || child.type === "hardbreak") return " ";
    return child.type === "text" || child.type === "code_inline" ? child.content : "";
  });
  return tidyLine(parts.join(""));
}

/**
 * Parses a Markdown essay. Front matter may give `title`, `dek`, `byline` and
 * `source`; otherwise the first level-one heading is the title. Other headings
 * become sections, and every paragraph (including those in lists and block
 * quotes) a paragraph, reduced to plain text so offsets index what a reader sees.
 */
export function parseMarkdown(content: string): ImportedEssay {
  const { fields, body } = readFrontMatter(content);
  const tokens = markdown.parse(body, {});
  let title = pick(fields, FIELD_NAMES.title);
  const blocks: DraftBlock[] = [];

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    const inline = tokens[index + 1];
    if (!inline || inline.type !== "inline") continue;
    const text = inlineText(inline);
    if (!text) continue;
    if (token.type === "heading_open") {
      if (token.tag === "h1" && title === null && blocks.length === 0) title = text;
      else if (token.tag !== "h1" || text !== title) blocks.push({ kind: "heading", text });
    } else if (token.type === "paragraph_open" && classifyChrome(text) === null) {
      blocks.push({ kind: "paragraph", text });
    }
  }

  if (!title) throw new AppError("VALIDATION", "The Markdown essay has no title: add a `title:` front-matter field or a `# Heading` first line.");
  return {
    title,
    dek: pick(fields, FIELD_NAMES.dek),
    byline: pick(fields, FIELD_NAMES.byline),
    attribution: pick(fields, FIELD_NAMES.attribution),
    blocks,
  };
}
