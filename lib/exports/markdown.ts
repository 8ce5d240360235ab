import { exportLinks, groupByEssay, isoDay, type ExportComment, type ExportHighlight, type ExportItems } from "./items";

// Markdown for Obsidian (and any CommonMark reader): one section per essay,
// each highlight a block quote of the essay's words followed by the note, its
// tags as #tags and a link back; then the reader's comments, each under the
// passage it is on. No HTML is written.

// ASCII punctuation that CommonMark or Obsidian give a meaning inside a line: emphasis, code, links and wikilinks, raw HTML,
// #tags, tables, $math$ and ~~strike~~, always; "=" and "%" only doubled (==highlight==, %%comment%%); "&" only where it
// would start an entity. A backslash before ASCII punctuation is a literal character (CommonMark 2.4), so the rendered
// quote is exactly the essay's words.
const INLINE = /[\\`*_[\]<>#|$~]|==|%%|&(?=#?[A-Za-z0-9]+;)/g;

/** Text as literal Markdown on one line: what renders is exactly `text`. */
function escapeInline(text: string): string {
  const escaped = text.replace(INLINE, (match) => [...match].map((character) => `\\${character}`).join(""));
  // A line that would open a block (a list item, a numbered item) is escaped at its start too.
  return escaped.replace(/^(\s*)([-+])(?=\s|$)/, "$1\\$2").replace(/^(\s*\d+)([.)])/, "$1\\$2");
}

/** The essay's words as a block quote, every line quoted (a blank line as a bare ">", so the quote does not end there). */
export function blockQuote(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => (line.trim() === "" ? ">" : `> ${escapeInline(line)}`))
    .join("\n");
}

/**
 * A reader's own Markdown (a note, a comment), as written, except raw HTML:
 * Glossa renders none, so neither should Obsidian ("<b>" stays text; an
 * autolink like <https://…> stays a link).
 */
function readersMarkdown(text: string): string {
  return text.replace(/<(?=[A-Za-z!?/])(?![a-z][a-z0-9+.-]*:[^>\s]*>)/gi, "\\<").trim();
}

function highlightSection(origin: string, item: ExportHighlight): string {
  const parts = [blockQuote(item.passage.exact)];
  if (item.orphaned) parts.push("*This passage was removed by a revision of the essay.*");
  if (item.note) parts.push(readersMarkdown(item.note) + (item.noteHidden ? "\n\n*(Hidden from other readers by the moderators.)*" : ""));
  const meta = [
    ...(item.tags.length ? [item.tags.map((tag) => `#${tag}`).join(" ")] : []),
    item.colour,
    item.visibility === "private" ? "private" : "public",
    isoDay(item.created),
    `[Open passage](${exportLinks.highlight(origin, item)})`,
  ];
  parts.push(meta.join(" · "));
  return parts.join("\n\n");
}

function commentSection(origin: string, item: ExportComment): string {
  const parts: string[] = [];
  if (item.passage) parts.push(blockQuote(item.passage.exact));
  const status = item.status === "held" ? " · held for review, only you can see it" : item.status === "hidden" ? " · hidden by the moderators" : "";
  parts.push(readersMarkdown(item.body));
  parts.push(`${item.parentId === null ? "Comment" : "Reply"} · ${isoDay(item.created)}${status} · [Open comment](${exportLinks.comment(origin, item)})`);
  return parts.join("\n\n");
}

/**
 * The export as one Markdown document: a title, then per essay an H2 with
 * its linked title and revision date, its highlights and its comments,
 * separated by rules.
 */
export function toMarkdown(items: ExportItems, origin: string, exportedAt: Date): string {
  const counts = `${items.highlights.length} highlight${items.highlights.length === 1 ? "" : "s"}, ${items.comments.length} comment${items.comments.length === 1 ? "" : "s"}`;
  const lines = [`# Glossa notes of @${escapeInline(items.reader.handle)}`, `Exported from ${origin} on ${isoDay(exportedAt)}: ${counts}.`];
  for (const group of groupByEssay(items)) {
    lines.push(`## [${escapeInline(group.essay.title)}](${exportLinks.essay(origin, group.essay.slug)})`);
    lines.push(`Revision of ${isoDay(group.essay.revisedAt)}`);
    if (group.highlights.length) {
      lines.push("### Highlights");
      lines.push(group.highlights.map((item) => highlightSection(origin, item)).join("\n\n---\n\n"));
    }
    if (group.comments.length) {
      lines.push("### Comments");
      lines.push(group.comments.map((item) => commentSection(origin, item)).join("\n\n---\n\n"));
    }
  }
  return `${lines.join("\n\n")}\n`;
}
