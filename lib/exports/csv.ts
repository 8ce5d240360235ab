import { exportLinks, groupByEssay, type ExportItems } from "./items";

// CSV (RFC 4180) for spreadsheets: one row per highlight or comment, CRLF
// line ends, UTF-8 with a byte-order mark so Excel reads it as UTF-8.

/** The header row, in column order. */
export const CSV_COLUMNS = ["kind", "essay", "quote", "note_or_comment", "colour", "tags", "visibility", "status", "created", "url"] as const;

/**
 * One field: quoted when it holds a comma, quote or line break (quotes
 * doubled), and prefixed with a single quote when it starts with a
 * character a spreadsheet reads as a formula (=, +, -, @, tab, CR), so that
 * opening the file runs nothing (OWASP CSV injection).
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The export as a CSV file's text, byte-order mark first: highlights then comments, essay by essay. */
export function toCsv(items: ExportItems, origin: string): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const group of groupByEssay(items)) {
    for (const item of group.highlights) {
      rows.push([
        "highlight",
        group.essay.title,
        item.passage.exact,
        item.note ?? "",
        item.colour,
        item.tags.join(" "),
        item.visibility,
        item.orphaned ? "passage removed" : item.noteHidden ? "note hidden" : "",
        item.created.toISOString(),
        exportLinks.highlight(origin, item),
      ]);
    }
    for (const item of group.comments) {
      rows.push([
        item.parentId === null ? "comment" : "reply",
        group.essay.title,
        item.passage?.exact ?? "",
        item.body,
        "",
        "",
        "public",
        item.status,
        item.created.toISOString(),
        exportLinks.comment(origin, item),
      ]);
    }
  }
  return `\uFEFF${rows.map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}
