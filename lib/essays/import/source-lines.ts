import type { LoadedSource } from "./load-source";
import { tidyLine, tidyLineKeepingGaps } from "./prose";

/** One line of a source as the editor sees it in the import preview. */
export interface SourceLine {
  /** Its position among the source's non-empty lines: what "keep this line" names. */
  index: number;
  text: string;
  /** The line with its runs of spaces kept: copied pages separate interface labels with them ("Share  Tweet  Email"). */
  gapped: string;
}

const HTML_BLOCKS = new Set("ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DIV DL DT FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION TABLE TD TH TR UL".split(" "));
const HTML_SKIPPED = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "HEAD"]);

/**
 * The text of a page's body with a line break at every block element's
 * start and end, in one walk with an explicit stack (no recursion, no DOM
 * writes). Inserting a break node around each block through the DOM took
 * 25 s for a 139 KB page of 3,000 paragraphs and ran a 280 KB one out of
 * memory; this walk is linear.
 */
function htmlLines(document: Document): string[] {
  const parts: string[] = [];
  const stack: { node: Node; leaving: boolean }[] = document.body ? [{ node: document.body, leaving: false }] : [];
  while (stack.length > 0) {
    const { node, leaving } = stack.pop()!;
    if (node.nodeType === 3) {
      parts.push((node as Text).data);
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = (node as Element).tagName.toUpperCase();
    if (HTML_SKIPPED.has(tag)) continue;
    const block = HTML_BLOCKS.has(tag);
    if (block) parts.push("\n");
    if (leaving) continue;
    stack.push({ node, leaving: true });
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push({ node: child, leaving: false });
  }
  return parts.join("").split("\n");
}

/** Markdown syntax around a line's words: heading marks, quotes, list bullets, images and inline HTML (the parser drops both), emphasis, link targets. */
function markdownWords(line: string): string {
  return line
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/, "")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/<\/?[A-Za-z][^>]*>/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, "$2")
    .replace(/\s+#+\s*$/, "");
}

/**
 * A source's text as lines, the way a person reads the page: for plain text
 * and Markdown its own lines (Markdown's marks removed), for HTML the text of
 * each block element. Front matter and blank lines are left out. The import
 * preview compares these with the essay the importer made to list what it
 * dropped.
 */
export async function sourceLines(source: LoadedSource): Promise<SourceLine[]> {
  let raw: string[];
  if (source.format === "html") {
    const { JSDOM } = await import("jsdom");
    raw = htmlLines(new JSDOM(source.content).window.document);
  } else if (source.format === "markdown") {
    raw = source.content
      .replace(/^\s*---\r?\n[\s\S]*?\r?\n---\r?\n?/, "")
      .split(/\r\n?|\n/)
      .map(markdownWords);
  } else {
    raw = source.content.split(/\r\n?|\n/);
  }
  return raw
    .map((line) => ({ text: tidyLine(line), gapped: tidyLineKeepingGaps(line) }))
    .filter((line) => line.text)
    .map((line, index) => ({ index, ...line }));
}
