import { describe, expect, it } from "vitest";
import { ANNOTATION_PAGE_SIZE, annotationCollectionChunks, type AnnotationCollection, type AnnotationPage } from "@/lib/exports/annotation-collection";
import { CSV_COLUMNS, csvField, toCsv } from "@/lib/exports/csv";
import type { ExportComment, ExportEssay, ExportHighlight, ExportItems } from "@/lib/exports/items";
import { toMarkdown } from "@/lib/exports/markdown";
import { markdownQuotes, parseCsv } from "../support/csv";

const ORIGIN = "https://glossa.test";
const essay: ExportEssay = { slug: "on-margins", title: "On *Margins* [and] #Notes", revisedAt: new Date("2026-12-01T10:00:00Z") };
const other: ExportEssay = { slug: "another", title: "Another essay", revisedAt: new Date("2026-11-01T10:00:00Z") };

function highlight(id: string, exact: string, extra: Partial<ExportHighlight> = {}): ExportHighlight {
  return {
    kind: "highlight",
    id,
    essay,
    passage: { exact, prefix: "", suffix: "", start: 10, end: 10 + exact.length, revisionId: "r1", revisionCreatedAt: new Date("2026-12-01T10:00:00Z") },
    orphaned: false,
    colour: "green",
    note: null,
    noteHidden: false,
    tags: [],
    visibility: "private",
    created: new Date("2026-12-05T08:00:00Z"),
    modified: new Date("2026-12-05T08:00:00Z"),
    ...extra,
  };
}

function comment(id: number, body: string, extra: Partial<ExportComment> = {}): ExportComment {
  return {
    kind: "comment",
    id,
    essay,
    body,
    status: "published",
    highlightId: null,
    passage: null,
    parentId: null,
    created: new Date("2026-12-06T08:00:00Z"),
    modified: new Date("2026-12-06T08:00:00Z"),
    ...extra,
  };
}

// Words a naive export would render wrongly: emphasis, links, tags, math, HTML, list and heading starts, entities, Obsidian's own marks.
const TRICKY = [
  "*emphasis* and _under_ `code` [link](x) [[wiki]]",
  "#notatag costs $5 and $10, <b>bold</b> &amp; ==mark== %%hidden%% ~~gone~~",
  "- not a list",
  "1. not a list either",
  "\\ a backslash | a pipe > a chevron",
];

const items: ExportItems = {
  reader: { handle: "alice", name: "Alice" },
  highlights: [
    highlight("h1", TRICKY.join("\n"), { note: "My note with #memory and <script>x</script>, see <https://example.com>.", tags: ["memory", "method"], visibility: "public" }),
    highlight("h2", "A second paragraph.\n\nAnd a third, across a blank line.", { colour: "pink" }),
    highlight("h3", "Elsewhere.", { essay: other, orphaned: true }),
  ],
  comments: [
    comment(7, "I disagree, =SUM(A1)\nand say so.", { highlightId: "h1", passage: highlight("h1", "the passage, quoted").passage }),
    comment(8, "Held back.", { status: "held", parentId: 7 }),
    comment(9, "Hidden one.", { status: "hidden" }),
  ],
};

describe("Markdown export", () => {
  const markdown = toMarkdown(items, ORIGIN, new Date("2026-12-07T00:00:00Z"));

  it("quotes every line, and the quotes read back as the essay's words", () => {
    // Essays by title: "Another essay" first.
    expect(markdownQuotes(markdown)).toEqual(["Elsewhere.", TRICKY.join("\n"), "A second paragraph.\n\nAnd a third, across a blank line.", "the passage, quoted"]);
    for (const line of markdown.split("\n")) if (line.startsWith(">")) expect(line === ">" || line.startsWith("> ")).toBe(true);
  });

  it("groups by essay under H2 headings with linked titles and dates, escaped", () => {
    expect(markdown).toMatch(/^# Glossa notes of @alice\n/);
    expect(markdown).toContain("## [Another essay](https://glossa.test/essays/another)\n\nRevision of 2026-11-01");
    expect(markdown).toContain("## [On \\*Margins\\* \\[and\\] \\#Notes](https://glossa.test/essays/on-margins)\n\nRevision of 2026-12-01");
    expect(markdown.indexOf("## [Another")).toBeLessThan(markdown.indexOf("## [On"));
  });

  it("writes the note, the tags as #tags and a link back, and no HTML", () => {
    expect(markdown).toContain("My note with #memory and \\<script>x\\</script>, see <https://example.com>.");
    expect(markdown).toContain("#memory #method · green · public · 2026-12-05 · [Open passage](https://glossa.test/essays/on-margins#hl-h1)");
    expect(markdown).toContain("[Open passage](https://glossa.test/essays/another)");
    expect(markdown).not.toMatch(/(?<!\\)<(?!https:)[a-z/]/i);
  });

  it("lists comments with their passage and marks held and hidden ones", () => {
    expect(markdown).toContain("> the passage, quoted\n\nI disagree, =SUM(A1)\nand say so.\n\nComment · 2026-12-06 · [Open comment](https://glossa.test/essays/on-margins/comments/7#c-7)");
    expect(markdown).toContain("Reply · 2026-12-06 · held for review, only you can see it");
    expect(markdown).toContain("hidden by the moderators");
  });
});

describe("CSV export", () => {
  it("guards cells a spreadsheet would run as formulas", () => {
    expect(["=1+1", "+1", "-1", "@SUM", "\tx", "\rx"].map(csvField)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM", "'\tx", '"\'\rx"']);
    expect(csvField('say "hi", then')).toBe('"say ""hi"", then"');
    expect(csvField("plain")).toBe("plain");
  });

  it("starts with a BOM, ends rows with CRLF and parses back to the same values", () => {
    const csv = toCsv(items, ORIGIN);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + 3 + 3);
    const byUrl = new Map(rows.slice(1).map((row) => [row[9], row]));
    expect(byUrl.get("https://glossa.test/essays/on-margins#hl-h1")).toEqual([
      "highlight",
      essay.title,
      TRICKY.join("\n"),
      items.highlights[0]!.note,
      "green",
      "memory method",
      "public",
      "",
      "2026-12-05T08:00:00.000Z",
      "https://glossa.test/essays/on-margins#hl-h1",
    ]);
    expect(byUrl.get("https://glossa.test/essays/on-margins/comments/8#c-8")!.slice(0, 8)).toEqual(["reply", essay.title, "", "Held back.", "", "", "public", "held"]);
    expect(byUrl.get("https://glossa.test/essays/on-margins/comments/9#c-9")![7]).toBe("hidden");
    expect(byUrl.get("https://glossa.test/essays/another")![7]).toBe("passage removed");
  });

  it("prefixes a quote that starts like a formula", () => {
    const rows = parseCsv(toCsv({ ...items, highlights: [highlight("h9", "- not a list")], comments: [] }, ORIGIN).slice(1));
    expect(rows[1]![2]).toBe("'- not a list");
  });
});

/** The collection as a client reads it: every chunk, joined and parsed. */
const toAnnotationCollection = (...args: Parameters<typeof annotationCollectionChunks>) => JSON.parse([...annotationCollectionChunks(...args)].join("")) as AnnotationCollection;

describe("JSON-LD export", () => {
  it("pages a large collection, each page embedding the next, every annotation with its own @context", () => {
    const many: ExportItems = { reader: items.reader, highlights: Array.from({ length: ANNOTATION_PAGE_SIZE * 2 + 1 }, (_, n) => highlight(`h${n}`, `words ${n}`)), comments: items.comments };
    const collection = toAnnotationCollection(many, ORIGIN, `${ORIGIN}/api/exports/notes?format=jsonld`, "Alice's notes");
    expect(collection).toMatchObject({ "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationCollection", total: ANNOTATION_PAGE_SIZE * 2 + 4, label: "Alice's notes" });
    const pages: AnnotationPage[] = [];
    for (let page = collection.first; page; page = page.next) pages.push(page);
    expect(pages.map((page) => [page.id, page.startIndex, page.items.length])).toEqual([
      [`${collection.id}#page-1`, 0, ANNOTATION_PAGE_SIZE],
      [`${collection.id}#page-2`, ANNOTATION_PAGE_SIZE, ANNOTATION_PAGE_SIZE],
      [`${collection.id}#page-3`, ANNOTATION_PAGE_SIZE * 2, 4],
    ]);
    const all = pages.flatMap((page) => page.items);
    expect(all.every((annotation) => annotation["@context"] === "http://www.w3.org/ns/anno.jsonld" && annotation.type === "Annotation")).toBe(true);
    expect(new Set(all.map((annotation) => annotation.id)).size).toBe(all.length);
    expect(pages.every((page) => page.partOf === collection.id && page.type === "AnnotationPage")).toBe(true);
  });

  it("is an empty collection, without pages, when there is nothing", () => {
    const empty = toAnnotationCollection({ reader: items.reader, highlights: [], comments: [] }, ORIGIN, "x", "none");
    expect(empty.total).toBe(0);
    expect(empty.first).toBeUndefined();
  });
});
