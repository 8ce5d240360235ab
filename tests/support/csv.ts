/**
 * A strict RFC 4180 reader for the tests: fields separated by commas, rows by
 * CRLF, quoted fields with doubled quotes and line breaks inside. Throws on
 * anything else (a bare quote in an unquoted field, text after a closing
 * quote), so a malformed export fails the test instead of parsing loosely.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let at = 0;
  while (at < text.length) {
    let field = "";
    if (text[at] === '"') {
      at += 1;
      for (;;) {
        const quote = text.indexOf('"', at);
        if (quote === -1) throw new Error("unterminated quoted field");
        field += text.slice(at, quote);
        at = quote + 1;
        if (text[at] === '"') {
          field += '"';
          at += 1;
        } else break;
      }
    } else {
      const end = text.slice(at).search(/,|\r\n/);
      field = end === -1 ? text.slice(at) : text.slice(at, at + end);
      if (/["\r\n]/.test(field)) throw new Error(`bad unquoted field: ${JSON.stringify(field)}`);
      at = end === -1 ? text.length : at + end;
    }
    row.push(field);
    if (text.startsWith(",", at)) at += 1;
    else if (text.startsWith("\r\n", at) || at === text.length) {
      rows.push(row);
      row = [];
      at += 2;
    } else throw new Error(`unexpected ${JSON.stringify(text[at])} at ${at}`);
  }
  return rows;
}

/** The block quotes of a Markdown document, read as CommonMark reads them: each "> " line's text, backslash escapes undone, consecutive lines joined. */
export function markdownQuotes(markdown: string): string[] {
  const quotes: string[] = [];
  let current: string[] | null = null;
  for (const line of markdown.split("\n")) {
    if (line === ">" || line.startsWith("> ")) {
      (current ??= []).push(line.slice(2).replace(/\\([!-/:-@[-`{-~])/g, "$1"));
    } else if (current) {
      quotes.push(current.join("\n"));
      current = null;
    }
  }
  if (current) quotes.push(current.join("\n"));
  return quotes;
}
