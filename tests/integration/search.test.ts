import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, safeParse } from "zod/mini";
import { db, disconnectDb } from "@/lib/db/client";
import { closeLimitStore } from "@/lib/rate-limit/store";
import { searchQuerySchema } from "@/lib/search/schemas";
import { searchSite, type SearchAnswer, type SearchResult } from "@/lib/search/search-site";
import { GET as searchRoute } from "@/app/api/search/route";
import { createTestEssay } from "../support/essays";
import { ORIGIN } from "./support/operations";

// Search finds what a reader could read on the site and nothing else: every
// word below is unique to this run, planted once in each place content can
// hide (held, hidden, deleted, private, a moderator-hidden note, an
// unpublished essay), and each search checks both what it finds and what it
// must not.

const run = randomBytes(4)
  .toString("hex")
  .replace(/[0-9]/g, (digit) => "qwrtzplkjh"[Number(digit)]!);
const word = (name: string) => `${name}${run}`;
const W = {
  essay: word("zeppelinish"),
  published: word("publishedword"),
  held: word("heldword"),
  hidden: word("hiddenword"),
  deleted: word("deletedword"),
  privateNote: word("privatenote"),
  publicNote: word("publicnote"),
  hiddenNote: word("hiddennote"),
  unpublished: word("unpubword"),
  tag: word("tagword"),
};

let essayId: string;
let revisionId: string;
let slug: string;
let owner: { id: string; handle: string };
let other: { id: string; handle: string };
const ids: Record<string, string | number> = {};

async function reader(label: string) {
  return db.user.create({
    data: { email: `${label}-${run}@example.test`, handle: `${label}-${run}`.slice(0, 30), name: `${label} ${run}`, emailVerified: new Date() },
    select: { id: true, handle: true },
  });
}

async function comment(body: string, fields: { status?: "PUBLISHED" | "HELD" | "HIDDEN"; deletedAt?: Date; authorId?: string; createdAt?: Date } = {}) {
  const row = await db.comment.create({ data: { essayId, authorId: fields.authorId ?? other.id, body, bodyHtml: `<p>${body}</p>`, path: `s-${run}-${Object.keys(ids).length}`, ...fields } });
  return row.id;
}

async function highlight(authorId: string, visibility: "PUBLIC" | "PRIVATE", note: string | null, extra: { noteHiddenAt?: Date; tags?: string[] } = {}) {
  const row = await db.highlight.create({
    data: { essayId, authorId, revisionId, originalRevisionId: revisionId, exact: "The airship", prefix: "", suffix: " drifted", start: 0, end: 11, visibility, note, ...extra },
  });
  return row.id;
}

const search = (q: string, viewerId: string | null, extra: Record<string, string> = {}) => searchSite(parse(searchQuerySchema, { q, ...extra }), viewerId);
const keys = (answer: SearchAnswer) => answer.results.map((result: SearchResult) => `${result.kind}:${result.id}`);

beforeAll(async () => {
  ({ essayId, revisionId } = await createTestEssay("search", `The ${W.essay} essay`, [
    { kind: "paragraph", text: `The airship drifted over negotiations that were going nowhere. ${W.essay} was the word for it.` },
  ]));
  slug = (await db.essay.findUniqueOrThrow({ where: { id: essayId } })).slug;
  owner = await reader("owner");
  other = await reader("other");
  ids.published = await comment(`Negotiating in public is ${W.published}, said the reply.`, { createdAt: new Date("2026-03-01T12:00:00Z") });
  ids.held = await comment(`Waiting for review: ${W.held}`, { status: "HELD" });
  ids.hidden = await comment(`Hidden by a moderator: ${W.hidden}`, { status: "HIDDEN" });
  ids.deleted = await comment(`Deleted by its author: ${W.deleted}`, { deletedAt: new Date() });
  ids.privateNote = await highlight(owner.id, "PRIVATE", `Only mine: ${W.privateNote}`);
  ids.publicNote = await highlight(owner.id, "PUBLIC", `For everyone: ${W.publicNote}`, { tags: [W.tag] });
  ids.hiddenNote = await highlight(owner.id, "PUBLIC", `A moderator hid this: ${W.hiddenNote}`, { noteHiddenAt: new Date() });
  const unpublished = await createTestEssay("search-unpublished", "Withdrawn", [{ kind: "paragraph", text: `An essay taken down: ${W.unpublished}.` }]);
  await db.essay.update({ where: { id: unpublished.essayId }, data: { unpublishedAt: new Date() } });
});

afterAll(async () => {
  await closeLimitStore();
  await disconnectDb();
});

describe("search finds what a reader may read", () => {
  it("finds an essay by a word of its title and body, with the word marked in the snippet", async () => {
    const answer = await search(W.essay, null);
    const essay = answer.results.find((result) => result.kind === "essay");
    expect(essay?.url).toBe(`/essays/${slug}`);
    expect(essay?.kind === "essay" && essay.title.some((part) => part.marked && part.text === W.essay)).toBe(true);
    expect(essay?.kind === "essay" && essay.snippet.some((part) => part.marked && part.text === W.essay)).toBe(true);
    expect(answer.counts.essays).toBe(1);
  });

  it("stems English: 'negotiation' finds 'negotiating' and 'negotiations'", async () => {
    const answer = await search(`negotiation ${W.published}`, null);
    expect(keys(answer)).toEqual([`comment:${ids.published}`]);
    const result = answer.results[0]!;
    expect(result.url).toBe(`/essays/${slug}/comments/${ids.published}`);
  });

  it('takes web search syntax: "a phrase", -word and or', async () => {
    expect(keys(await search(`"in public is ${W.published}"`, null))).toEqual([`comment:${ids.published}`]);
    expect(keys(await search(`"${W.published} public"`, null))).toEqual([]);
    expect(keys(await search(`${W.published} -reply`, null))).toEqual([]);
    expect(keys(await search(`${W.published} or ${W.publicNote}`, null)).sort()).toEqual([`comment:${ids.published}`, `highlight:${ids.publicNote}`].sort());
  });

  it("falls back to unstemmed words when every word is an English stop word, and refuses a search with nothing to find", async () => {
    const answer = await search("the", null);
    expect(answer.notice).toBeNull();
    expect(answer.results.length).toBeGreaterThan(0);
    const refused = await search(`-${W.published}`, null);
    expect(refused.results).toEqual([]);
    expect(refused.notice).toMatch(/Add a word/);
  });

  it("refuses a NUL or a lone surrogate in the words with a message, as the search page parses them (it was a 500 there)", () => {
    for (const q of ["a\u0000b", "x\uD800"]) {
      const parsed = safeParse(searchQuerySchema, { q });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/cannot contain NUL characters/);
    }
  });

  it("answers a search with more operators in a row than PostgreSQL's parser holds with a notice, not an error", async () => {
    for (const q of ["-".repeat(50), `${"-".repeat(33)}${W.published}`, `${"-!".repeat(40)}x`, "- ".repeat(40)]) {
      const answer = await search(q, null);
      expect(answer.results).toEqual([]);
      expect(answer.notice).toMatch(/too many minus signs/);
    }
    const response = await searchRoute(new Request(`${ORIGIN}/api/search?q=${"-".repeat(60)}`, { headers: { host: "glossa.test" } }), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
  });

  it("finds other readers' public notes and tags, linking to the passage", async () => {
    for (const q of [W.publicNote, W.tag]) {
      const answer = await search(q, other.id);
      expect(keys(answer)).toEqual([`highlight:${ids.publicNote}`]);
      expect(answer.results[0]!.url).toBe(`/essays/${slug}#hl-${ids.publicNote}`);
    }
  });

  it("finds a reader's own private highlights for them, and for nobody else", async () => {
    const mine = await search(W.privateNote, owner.id);
    expect(keys(mine)).toEqual([`highlight:${ids.privateNote}`]);
    expect(mine.results[0]).toMatchObject({ kind: "highlight", mine: true, visibility: "private" });
    for (const viewer of [null, other.id]) {
      const answer = await search(W.privateNote, viewer);
      expect(answer.results).toEqual([]);
      expect(answer.counts.highlights).toBe(0);
    }
  });

  it("never finds held, hidden or deleted comments, moderator-hidden notes or unpublished essays, for anyone", async () => {
    const moderator = await db.user.create({ data: { email: `mod-${run}@example.test`, handle: `mod-${run}`, name: "Mod", role: "MODERATOR" }, select: { id: true } });
    // The held comment's own author does not find it either: search is not the place to review a queue.
    for (const viewer of [null, other.id, owner.id, moderator.id]) {
      for (const q of [W.held, W.hidden, W.deleted, W.unpublished]) {
        const answer = await search(q, viewer);
        expect(answer.results, `${q} as ${viewer}`).toEqual([]);
        expect(answer.counts, `${q} as ${viewer}`).toEqual({ essays: 0, comments: 0, highlights: 0 });
      }
      if (viewer !== owner.id) expect((await search(W.hiddenNote, viewer)).results).toEqual([]);
    }
    // The note's author still finds their own note.
    expect(keys(await search(W.hiddenNote, owner.id))).toEqual([`highlight:${ids.hiddenNote}`]);
  });

  it("does not list other readers' public highlights by the essay's words they quote", async () => {
    const answer = await search(`airship ${W.essay}`, other.id, { kind: "highlights" });
    expect(answer.results).toEqual([]);
    const mine = await search("airship", owner.id, { kind: "highlights", essay: slug });
    expect(keys(mine).sort()).toEqual([`highlight:${ids.privateNote}`, `highlight:${ids.publicNote}`, `highlight:${ids.hiddenNote}`].sort());
  });
});

describe("filters and order", () => {
  it("filters by kind, essay, author and date", async () => {
    const q = `${W.published} or ${W.publicNote} or ${W.essay}`;
    expect(keys(await search(q, owner.id, { kind: "comments" }))).toEqual([`comment:${ids.published}`]);
    expect(keys(await search(q, owner.id, { kind: "essays" }))).toEqual([`essay:${essayId}`]);
    expect(keys(await search(q, owner.id, { author: `@${owner.handle}` }))).toEqual([`highlight:${ids.publicNote}`]);
    expect(keys(await search(q, owner.id, { author: other.handle.toUpperCase() }))).toEqual([`comment:${ids.published}`]);
    expect(keys(await search(q, owner.id, { kind: "comments", from: "2026-02-28", to: "2026-03-01" }))).toEqual([`comment:${ids.published}`]);
    expect(keys(await search(q, owner.id, { kind: "comments", from: "2026-03-02" }))).toEqual([]);
  });

  it("says so when a filter names nobody, and suggests similar handles by trigram", async () => {
    const answer = await search(W.published, null, { author: `${other.handle.slice(0, -1)}x` });
    expect(answer.notice).toMatch(/No reader is called/);
    expect(answer.people.map((person) => person.handle)).toContain(other.handle);
  });

  it("orders newest first when asked", async () => {
    const newer = await comment(`A later word on ${W.published}`, { createdAt: new Date("2026-04-01T12:00:00Z") });
    const newest = await search(W.published, null, { sort: "newest" });
    expect(keys(newest)).toEqual([`comment:${newer}`, `comment:${ids.published}`]);
    await db.comment.delete({ where: { id: newer } });
  });

  it("pages results twenty at a time", async () => {
    const pageWord = word("pageword");
    for (let index = 0; index < 23; index++) await comment(`${pageWord} number ${index}`);
    const first = await search(pageWord, null, { sort: "newest" });
    const second = await search(pageWord, null, { sort: "newest", page: "2" });
    expect(first.results).toHaveLength(20);
    expect(first.more).toBe(true);
    expect(second.results).toHaveLength(3);
    expect(second.more).toBe(false);
    expect(new Set([...keys(first), ...keys(second)]).size).toBe(23);
    expect(first.counts.comments).toBe(23);
  });
});

describe("GET /api/search", () => {
  const get = (query: string) => searchRoute(new Request(`${ORIGIN}/api/search?${query}`, { headers: { host: "glossa.test" } }), { params: Promise.resolve({}) });

  it("answers JSON with the results", async () => {
    const response = await get(`q=${encodeURIComponent(W.published)}`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as SearchAnswer;
    expect(keys(body)).toEqual([`comment:${ids.published}`]);
  });

  it.each([
    ["kind=people", "kind"],
    ["sort=oldest", "sort"],
    ["page=0", "page"],
    ["page=26", "page"],
    ["from=2026-13-45", "from"],
    ["to=2026-02-31", "to"],
    ["author=a%20b", "author"],
    [`q=${"a".repeat(201)}`, "q"],
  ])("refuses %s with 422 naming the field", async (query, field) => {
    const response = await get(query);
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { fieldErrors: Record<string, string[]> } };
    expect(Object.keys(body.error.fieldErrors)).toContain(field);
  });

  it("refuses a repeated parameter with 400 and NUL bytes with 422", async () => {
    expect((await get("q=a&q=b")).status).toBe(400);
    expect((await get("q=a%00b")).status).toBe(422);
  });
});
