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

const HTML_BLOCKS =
  "address, article, aside, blockquote, br, dd, div, dl, dt, figcaption, figure, footer, form, h1, h2, h3, h4, h5, h6, header, hr, li, main, nav, ol, p, pre, section, table, td, th, tr, ul";

/** Markdown syntax around a line's words: heading marks, quotes, list bullets, emphasis, link targets. */
function markdownWords(line: string): string {
  return line
    .replace(/^\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+)/, "")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
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
    const document = new JSDOM(source.content).window.document;
    for (const element of document.querySelectorAll("script, style, noscript, template, svg, head")) element.remove();
    for (const element of document.querySelectorAll(HTML_BLOCKS)) {
      element.before(document.createTextNode("\n"));
      element.after(document.createTextNode("\n"));
    }
    raw = (document.body?.textContent ?? "").split("\n");
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
