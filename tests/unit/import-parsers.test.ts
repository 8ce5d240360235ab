import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { ImportedEssay } from "@/lib/essays/document";
import { parseEssay } from "@/lib/essays/import";
import { parseMarkdown } from "@/lib/essays/import/parse-markdown";
import { sniffFormat, type SourceFormat } from "@/lib/essays/import/load-source";
import { hasSharedFixture, projectFixture, SHARED_FIXTURE, SHARED_FIXTURE_SKIP_NOTE } from "../support/fixtures";

function parse(content: string, format: SourceFormat = "text") {
  return parseEssay({ content, format, origin: "test" });
}

function read(file: string, format: SourceFormat) {
  return parse(readFileSync(file, "utf8"), format);
}

const headings = (essay: ImportedEssay) => essay.blocks.filter((block) => block.kind === "heading").map((block) => block.text);
const paragraphs = (essay: ImportedEssay) => essay.blocks.filter((block) => block.kind === "paragraph").map((block) => block.text);

describe("plain text copied from a news page (the project's own column)", () => {
  let essay: ImportedEssay;
  beforeAll(async () => {
    essay = await read(projectFixture("essays", "harbour-post-column.txt"), "text");
  });

  it("finds the headline, standfirst, byline and attribution", () => {
    expect(essay.title).toBe("The Case for Slower Ferries");
    expect(essay.dek).toBe("Speed has become the only promise our harbour transport makes. It is the wrong promise, and the timetable shows it.");
    expect(essay.byline).toBe("Maren Okafor");
    expect(essay.attribution).toBe("Harbour Post Media Ltd");
  });

  it("finds the sections but not the related-story titles", () => {
    expect(headings(essay)).toEqual(["What We Lost When We Sped Up", "A Timetable Built Around People", "Where We Go From Here"]);
  });

  it("keeps every body paragraph word for word, short ones included, and drops the chrome", () => {
    const body = paragraphs(essay);
    expect(body).toHaveLength(11);
    expect(body).toContain("Nobody asked for this.");
    expect(body[0]).toMatch(/^Every morning at 7\.40 the new fast ferry/);
    expect(body.at(-1)).toBe(
      "I would like the committee to hold one meeting on the old boat, the one still kept for the Sunday service, before it signs. Twenty-six minutes should be long enough to change its mind.",
    );
    const text = essay.blocks.map((block) => block.text).join("\n");
    for (const chrome of ["cookies", "Advertisement", "Read more", "hours ago", "Share", "48 comments", "is a transport writer", "Tide Tables", "©"]) {
      expect(text).not.toContain(chrome);
    }
  });
});

describe.skipIf(!hasSharedFixture)("the shared column (../shared)", () => {
  it("imports clean", async () => {
    const essay = await read(SHARED_FIXTURE, "text");
    expect(essay.title).toBe("When Negotiations Cause Defeat");
    expect(essay.dek).toBe("Real change does not come from the negotiating table. It comes from terms of surrender. Israel is running out of time to remember this.");
    expect(essay.byline).toBeNull();
    expect(essay.attribution).toBe("The Times of Israel (Blogs)");
    expect(headings(essay)).toHaveLength(5);
    expect(paragraphs(essay)).toContain("The results are already visible to anyone willing to look.");
    expect(paragraphs(essay)[0]).toMatch(/^Israel is losing the peace it won on the battlefield\./);
    expect(paragraphs(essay).at(-1)).toMatch(/^The cease of hostilities was presented/);
  });
});
if (!hasSharedFixture) console.warn(SHARED_FIXTURE_SKIP_NOTE);

describe("Markdown", () => {
  it("reads front matter and reduces inline formatting to words", () => {
    const essay = parseMarkdown(
      [
        "---",
        'title: "On Margins"',
        "dek: A short standfirst.",
        "author: Ada Reader",
        "source: Glossa",
        "---",
        "",
        "First *paragraph* with a [link](https://example.com).",
        "",
        "## A section",
        "",
        "Second paragraph,",
        "wrapped over two lines, long enough to count as a body of real prose for the importer's minimum.",
        "",
        "- A listed point that is also prose worth keeping and highlighting later on.",
      ].join("\n"),
    );
    expect(essay).toMatchObject({ title: "On Margins", dek: "A short standfirst.", byline: "Ada Reader", attribution: "Glossa" });
    expect(essay.blocks).toEqual([
      { kind: "paragraph", text: "First paragraph with a link." },
      { kind: "heading", text: "A section" },
      { kind: "paragraph", text: "Second paragraph, wrapped over two lines, long enough to count as a body of real prose for the importer's minimum." },
      { kind: "paragraph", text: "A listed point that is also prose worth keeping and highlighting later on." },
    ]);
  });

  it("takes the title from the first heading when there is no front matter", () => {
    const essay = parseMarkdown("# The Title\n\nA paragraph.\n\nAnother paragraph.");
    expect(essay.title).toBe("The Title");
    expect(headings(essay)).toEqual([]);
  });

  it("imports the shipped demo essay", async () => {
    const essay = await read(projectFixture("..", "..", "prisma", "seed", "demo-essay.md"), "markdown");
    expect(essay.title).toBe("Reading With a Pencil");
    expect(essay.dek).toBeTruthy();
    expect(headings(essay).length).toBeGreaterThanOrEqual(3);
  });
});

describe("HTML through Readability", () => {
  let essay: ImportedEssay;
  beforeAll(async () => {
    essay = await read(projectFixture("essays", "lantern-review-essay.html"), "html");
  });

  it("finds the article, its metadata and its sections", () => {
    expect(essay.title).toBe("The Long Afterlife of Street Names");
    expect(essay.byline).toBe("Tomasz Brenner");
    expect(essay.attribution).toBe("The Lantern Review");
    expect(essay.dek).toMatch(/^A city renames its streets/);
    expect(headings(essay)).toEqual(["Names as arguments", "What the old names remember"]);
    expect(paragraphs(essay)).toHaveLength(6);
  });

  it("drops the page around the article and labels inside it", () => {
    const text = essay.blocks.map((block) => block.text).join("\n");
    for (const chrome of ["cookies", "Advertisement", "Subscribe", "Why Bridges Have Birthdays", "All rights reserved", "By Tomasz"]) expect(text).not.toContain(chrome);
  });
});

describe("refusals", () => {
  it("refuses a page of menus", async () => {
    await expect(parse("Home | News | Opinion\nSubscribe\n\nThe Title\n\nA single short line.")).rejects.toThrow(/no discernible body/i);
  });

  it("refuses text with no headline", async () => {
    await expect(parse("just some lower-case words without a headline. and more of them.")).rejects.toThrow(/headline/);
  });
});

describe("format sniffing", () => {
  it("recognises HTML, Markdown and plain text", () => {
    expect(sniffFormat("<!DOCTYPE html><html>")).toBe("html");
    expect(sniffFormat("---\ntitle: x\n---\nbody")).toBe("markdown");
    expect(sniffFormat("## Heading\n\ntext")).toBe("markdown");
    expect(sniffFormat("Title\n\nA paragraph.")).toBe("text");
  });
});
