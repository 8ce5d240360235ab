import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/exports/notes/route";
import * as accountExportRoute from "@/app/api/account/export/route";
import { SESSION_COOKIE } from "@/lib/auth/config";
import { db, disconnectDb } from "@/lib/db/client";
import { createHighlight } from "@/lib/highlights/create-highlight";
import { listTaggedHighlights } from "@/lib/highlights/list-tagged-highlights";
import { createHighlightSchema, updateHighlightSchema } from "@/lib/highlights/schemas";
import { updateHighlight } from "@/lib/highlights/update-highlight";
import { CSV_COLUMNS } from "@/lib/exports/csv";
import { listNotebookFacets } from "@/lib/notebook/list-notebook-facets";
import { listNotebookHighlights } from "@/lib/notebook/list-notebook-highlights";
import { closeLimitStore } from "@/lib/rate-limit/store";
import { markdownQuotes, parseCsv } from "../support/csv";
import { createTestEssay } from "../support/essays";

const SECRET = "notebook-exports-secret-notebook-exports-secret";
const ORIGIN = "http://glossa.test";

const PARAGRAPHS = [
  "Attention is the rarest and purest form of generosity, said someone who had *read* a great deal.",
  "A reader with a pencil argues back: she underlines, objects, and costs the author $5 of pride.",
  "- This paragraph starts like a list item, and = this one holds an equals sign.",
  "The last paragraph keeps the secret words that only Bob highlighted privately.",
];

let essay: { essayId: string; revisionId: string; text: string; slug: string };
let otherEssay: { essayId: string; revisionId: string; text: string; slug: string };
let alice: { id: string; cookie: string };
let bob: { id: string; cookie: string };
const ids = {} as Record<"public" | "private" | "across" | "other" | "deleted" | "bobPrivate" | "bobPublic", string>;

async function reader(handle: string) {
  const user = await db.user.create({ data: { emailVerified: new Date(), email: `${handle}@example.test`, handle, name: handle[0]!.toUpperCase() + handle.slice(1) } });
  const token = await encode({ token: { uid: user.id, sv: user.sessionVersion }, secret: SECRET });
  return { id: user.id, cookie: `${SESSION_COOKIE}=${token}` };
}

async function testEssay(label: string, paragraphs: string[]) {
  const made = await createTestEssay(
    label,
    `On ${label}`,
    paragraphs.map((text) => ({ kind: "paragraph" as const, text })),
  );
  const { slug } = await db.essay.findUniqueOrThrow({ where: { id: made.essayId }, select: { slug: true } });
  return { ...made, slug };
}

function selection(on: { revisionId: string; text: string }, words: string, extra: Record<string, unknown> = {}) {
  const start = on.text.indexOf(words);
  if (start === -1) throw new Error(`not in the essay: ${words}`);
  return createHighlightSchema.parse({ revisionId: on.revisionId, start, end: start + words.length, exact: words, ...extra });
}

async function comment(authorId: string, essayId: string, body: string, extra: { highlightId?: string; parentId?: number; status?: "PUBLISHED" | "HELD" | "HIDDEN"; deletedAt?: Date } = {}) {
  const made = await db.comment.create({ data: { essayId, authorId, body, bodyHtml: `<p>${body}</p>`, path: "x", depth: extra.parentId ? 1 : 0, ...extra } });
  return db.comment.update({ where: { id: made.id }, data: { rootId: extra.parentId ?? made.id, path: String(made.id).padStart(10, "0") } });
}

async function get(route: { GET: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> }, path: string, cookie: string | null) {
  return route.GET(new Request(`${ORIGIN}${path}`, { headers: { host: "glossa.test", ...(cookie ? { cookie } : {}) } }), { params: Promise.resolve({}) });
}

beforeAll(async () => {
  process.env.AUTH_SECRET = SECRET;
  essay = await testEssay("pencils", PARAGRAPHS);
  otherEssay = await testEssay("margins", ["Margins are where the reader talks back to the page, quietly."]);
  alice = await reader(`alice-nb-${Date.now().toString(36)}`);
  bob = await reader(`bob-nb-${Date.now().toString(36)}`);

  ids.public = (
    await createHighlight(
      alice.id,
      essay.essayId,
      selection(essay, "the rarest and purest form of generosity", {
        visibility: "public",
        colour: "green",
        note: "So #Memory is a #gift? See `#code` and https://x.test/#frag.",
        tags: ["Method", "#ethics"],
      }),
    )
  ).id;
  ids.private = (await createHighlight(alice.id, essay.essayId, selection(essay, "argues back: she underlines, objects", { colour: "pink", note: "Private thought.", tags: ["secret-tag"] }))).id;
  ids.across = (await createHighlight(alice.id, essay.essayId, selection(essay, "costs the author $5 of pride.\n\n- This paragraph starts like a list item", { colour: "blue" }))).id;
  ids.other = (await createHighlight(alice.id, otherEssay.essayId, selection(otherEssay, "where the reader talks back", { visibility: "public", tags: ["method"] }))).id;
  ids.deleted = (await createHighlight(alice.id, otherEssay.essayId, selection(otherEssay, "quietly"))).id;
  await db.highlight.update({ where: { id: ids.deleted }, data: { deletedAt: new Date() } });
  ids.bobPrivate = (await createHighlight(bob.id, essay.essayId, selection(essay, "secret words that only Bob highlighted privately", { tags: ["secret-tag", "method"] }))).id;
  ids.bobPublic = (await createHighlight(bob.id, essay.essayId, selection(essay, "Attention is the rarest", { visibility: "public", tags: ["method"] }))).id;
});

afterAll(async () => {
  await closeLimitStore();
  await disconnectDb();
});

describe("tags", () => {
  it("are saved from the tag field and the note's #words, lower-cased, without code or URLs", async () => {
    const row = await db.highlight.findUniqueOrThrow({ where: { id: ids.public } });
    expect(row.tags).toEqual(["method", "ethics", "memory", "gift"]);
  });

  it("follow the note when it changes, and the field when it is sent", async () => {
    const edited = await updateHighlight(alice.id, ids.private, updateHighlightSchema.parse({ note: "Now about #Time." }));
    expect(edited.tags).toEqual(["secret-tag", "time"]);
    const retagged = await updateHighlight(alice.id, ids.private, updateHighlightSchema.parse({ tags: ["secret-tag", "drafts"] }));
    expect(retagged.tags).toEqual(["secret-tag", "drafts", "time"]);
    const back = await updateHighlight(alice.id, ids.private, updateHighlightSchema.parse({ note: "Private thought." }));
    expect(back.tags).toEqual(["secret-tag", "drafts"]);
  });

  it("refuses a malformed tag and more than twenty, counting the note's", async () => {
    expect(updateHighlightSchema.safeParse({ tags: ["not/a/tag"] }).success).toBe(false);
    expect(updateHighlightSchema.safeParse({ tags: ["1234"] }).success).toBe(false);
    const note = Array.from({ length: 15 }, (_, n) => `#n${n}`).join(" ");
    const input = updateHighlightSchema.parse({ note, tags: Array.from({ length: 10 }, (_, n) => `t${n}`) });
    await expect(updateHighlight(alice.id, ids.across, input)).rejects.toMatchObject({ status: 422, fieldErrors: { tags: [expect.stringMatching(/at most 20/)] } });
    expect((await db.highlight.findUniqueOrThrow({ where: { id: ids.across } })).tags).toEqual([]);
  });
});

describe("the notebook", () => {
  it("lists my private and public highlights, newest first, and never another reader's", async () => {
    const { entries, total } = await listNotebookHighlights(alice.id, {});
    expect(entries.map((entry) => entry.id)).toEqual([ids.other, ids.across, ids.private, ids.public]);
    expect(total).toBe(4);
    expect(entries.find((entry) => entry.id === ids.private)).toMatchObject({ visibility: "private", colour: "pink", essay: { slug: essay.slug, title: "On pencils" } });
    const bobs = await listNotebookHighlights(bob.id, {});
    expect(bobs.entries.map((entry) => entry.id).sort()).toEqual([ids.bobPrivate, ids.bobPublic].sort());
  });

  it("filters by colour, tag, essay and visibility, and groups by essay", async () => {
    const idsOf = async (query: Parameters<typeof listNotebookHighlights>[1]) => (await listNotebookHighlights(alice.id, query)).entries.map((entry) => entry.id);
    expect(await idsOf({ colour: "pink" })).toEqual([ids.private]);
    expect(await idsOf({ tag: "method" })).toEqual([ids.other, ids.public]);
    expect(await idsOf({ tag: "secret-tag" })).toEqual([ids.private]);
    expect(await idsOf({ essay: otherEssay.slug })).toEqual([ids.other]);
    expect(await idsOf({ visibility: "private" })).toEqual([ids.across, ids.private]);
    expect(await idsOf({ visibility: "public", tag: "method", essay: essay.slug })).toEqual([ids.public]);
    // By essay: title order ("On margins" before "On pencils"), each in reading order.
    expect(await idsOf({ sort: "essay" })).toEqual([ids.other, ids.public, ids.private, ids.across]);
  });

  it("offers my essays and tags as filters", async () => {
    const facets = await listNotebookFacets(alice.id);
    expect(facets.essays.map((entry) => [entry.slug, entry.count])).toEqual([
      [otherEssay.slug, 1],
      [essay.slug, 3],
    ]);
    expect(facets.tags[0]).toEqual({ tag: "method", count: 2 });
    expect(facets.tags.map((facet) => facet.tag)).toContain("secret-tag");
  });
});

describe("tag pages", () => {
  it("show public highlights only, newest first", async () => {
    expect((await listTaggedHighlights("method", 1)).highlights.map((highlight) => highlight.id)).toEqual([ids.bobPublic, ids.other, ids.public]);
    expect((await listTaggedHighlights("secret-tag", 1)).highlights).toEqual([]);
  });

  it("hide a note the moderators hid, and the tags only its #words gave", async () => {
    await db.highlight.update({ where: { id: ids.public }, data: { noteHiddenAt: new Date() } });
    try {
      expect((await listTaggedHighlights("memory", 1)).highlights).toEqual([]);
      const [shown] = (await listTaggedHighlights("ethics", 1)).highlights;
      expect(shown).toMatchObject({ id: ids.public, note: null, noteHidden: true, tags: ["method", "ethics"] });
    } finally {
      await db.highlight.update({ where: { id: ids.public }, data: { noteHiddenAt: null } });
    }
  });
});

describe("exports", () => {
  let comments: Record<string, number>;

  beforeAll(async () => {
    const root = await comment(alice.id, essay.essayId, "On this *passage*, a comment\nover two lines.", { highlightId: ids.public });
    const held = await comment(alice.id, essay.essayId, "A held reply.", { highlightId: ids.public, parentId: root.id, status: "HELD" });
    const hidden = await comment(alice.id, essay.essayId, '=HYPERLINK("evil") hidden by moderators', { status: "HIDDEN" });
    const deleted = await comment(alice.id, essay.essayId, "A deleted comment.", { deletedAt: new Date() });
    const bobs = await comment(bob.id, essay.essayId, "Bob's own comment.", { highlightId: ids.public });
    await db.commentRevision.create({ data: { commentId: root.id, editorId: alice.id, body: "The first version." } });
    await db.vote.create({ data: { commentId: bobs.id, userId: alice.id } });
    await db.report.create({ data: { reporterId: alice.id, commentId: bobs.id, reason: "OFF_TOPIC", details: "Not about the essay." } });
    comments = { root: root.id, held: held.id, hidden: hidden.id, deleted: deleted.id, bobs: bobs.id };
    // A revision moves one highlight onto changed words: its selectors must describe the words it covers now.
    const revised = essay.text.replace("argues back", "argued back");
    const revision = await db.essayRevision.create({ data: { essayId: essay.essayId, number: 2, title: "On pencils", blocks: [], text: revised, contentHash: `r2-${Date.now()}`, wordCount: 10 } });
    await db.essay.update({ where: { id: essay.essayId }, data: { currentRevisionId: revision.id } });
    await db.highlight.update({ where: { id: ids.private }, data: { revisionId: revision.id } });
  });

  it("is for signed-in readers only", async () => {
    expect((await get(exportRoute, "/api/exports/notes?format=markdown", null)).status).toBe(401);
    expect((await get(accountExportRoute, "/api/account/export", null)).status).toBe(401);
  });

  it("lets one reader export thirty times in ten minutes, then answers 429 with Retry-After, and other readers are not held back", async () => {
    const { cookie } = await reader(`loop-nb-${Date.now().toString(36)}`);
    const statuses: number[] = [];
    for (let n = 0; n < 31; n++) statuses.push((await get(exportRoute, "/api/exports/notes?format=csv", cookie)).status);
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    const refused = await get(exportRoute, "/api/exports/notes?format=markdown", cookie);
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toMatch(/^[0-9]+$/);
    expect((await refused.json()).error.message).toMatch(/^Too many exports\. Try again in/);
    expect((await get(exportRoute, "/api/exports/notes?format=csv", bob.cookie)).status).toBe(200);
  });

  it("refuses an unknown format or a malformed filter with 422", async () => {
    expect((await get(exportRoute, "/api/exports/notes?format=pdf", alice.cookie)).status).toBe(422);
    expect((await get(exportRoute, "/api/exports/notes?format=csv&tag=not%2Fa%2Ftag", alice.cookie)).status).toBe(422);
  });

  it("JSON-LD: an AnnotationCollection whose annotations quote the anchored revision exactly", async () => {
    const response = await get(exportRoute, "/api/exports/notes?format=jsonld", alice.cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/ld+json");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="glossa-notes-alice-nb-[a-z0-9]+-\d{4}-\d{2}-\d{2}\.jsonld"$/);
    const collection = JSON.parse(await response.text());
    expect(collection).toMatchObject({ "@context": "http://www.w3.org/ns/anno.jsonld", type: "AnnotationCollection", total: 7, id: `${ORIGIN}/api/exports/notes?format=jsonld` });
    expect(collection.label).toMatch(/alice/);
    const items: Record<string, unknown>[] = [];
    for (let page = collection.first; page; page = page.next) {
      expect(page).toMatchObject({ type: "AnnotationPage", partOf: collection.id, startIndex: items.length });
      items.push(...page.items);
    }
    expect(items).toHaveLength(7);
    const texts = new Map((await db.essayRevision.findMany({ select: { id: true, text: true, createdAt: true } })).map((revision) => [revision.createdAt.toISOString(), revision.text]));
    const annotationIds = items.map((item) => item.id as string);
    expect(annotationIds.filter((id) => id.includes("/highlight-"))).toHaveLength(4);
    for (const item of items) {
      expect(item).toMatchObject({ "@context": "http://www.w3.org/ns/anno.jsonld", type: "Annotation" });
      expect(item.id).toMatch(/^http:\/\/glossa\.test\/annotations\//);
      const targets = (Array.isArray(item.target) ? item.target : [item.target]) as (
        { selector?: { type: string; exact?: string; start?: number; end?: number }[]; state?: { sourceDate: string } } | string
      )[];
      for (const target of targets) {
        if (typeof target === "string") continue;
        const quote = target.selector!.find((selector) => selector.type === "TextQuoteSelector")!;
        const position = target.selector!.find((selector) => selector.type === "TextPositionSelector")!;
        const text = texts.get(target.state!.sourceDate)!;
        expect(quote.exact).toBe(text.slice(position.start, position.end));
      }
    }
    const moved = items.find((item) => (item.id as string).endsWith(`highlight-${ids.private}`)) as { target: { selector: { exact: string }[] } };
    expect(moved.target.selector[0]!.exact).toBe("argued back: she underlines, objects");
    const tagged = items.find((item) => (item.id as string).endsWith(`highlight-${ids.public}`)) as { body: { purpose: string; value: string }[] };
    expect(tagged.body.filter((body) => body.purpose === "tagging").map((body) => body.value)).toEqual(["method", "ethics", "memory", "gift"]);
  });

  it("CSV: parses back (RFC 4180) to the same values, with formula cells guarded", async () => {
    const response = await get(exportRoute, "/api/exports/notes?format=csv", alice.cookie);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename=".+\.csv"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const byUrl = new Map(rows.slice(1).map((row) => [row[9]!, Object.fromEntries(CSV_COLUMNS.map((column, n) => [column, row[n]]))]));
    expect(byUrl.size).toBe(7);
    expect(byUrl.get(`${ORIGIN}/essays/${essay.slug}#hl-${ids.public}`)).toMatchObject({
      kind: "highlight",
      essay: "On pencils",
      quote: "the rarest and purest form of generosity",
      note_or_comment: "So #Memory is a #gift? See `#code` and https://x.test/#frag.",
      colour: "green",
      tags: "method ethics memory gift",
      visibility: "public",
    });
    expect(byUrl.get(`${ORIGIN}/essays/${essay.slug}#hl-${ids.across}`)!.quote).toBe("costs the author $5 of pride.\n\n- This paragraph starts like a list item");
    expect(byUrl.get(`${ORIGIN}/essays/${essay.slug}/comments/${comments.hidden}#c-${comments.hidden}`)).toMatchObject({
      note_or_comment: '\'=HYPERLINK("evil") hidden by moderators',
      status: "hidden",
    });
    expect(byUrl.get(`${ORIGIN}/essays/${essay.slug}/comments/${comments.held}#c-${comments.held}`)).toMatchObject({
      kind: "reply",
      status: "held",
      quote: "the rarest and purest form of generosity",
    });
    expect([...byUrl.keys()].some((url) => url.includes(`/comments/${comments.deleted}#`) || url.includes(`/comments/${comments.bobs}#`))).toBe(false);
  });

  it("Markdown: quotes are the essay's words, comments are under their passage", async () => {
    const response = await get(exportRoute, `/api/exports/notes?format=markdown&essay=${essay.slug}`, alice.cookie);
    expect(response.headers.get("content-type")).toBe("text/markdown; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="glossa-${essay.slug}-alice-nb-[a-z0-9]+-[0-9-]+\\.md"$`));
    const markdown = await response.text();
    const current = (await db.essay.findUniqueOrThrow({ where: { id: essay.essayId }, select: { currentRevision: { select: { text: true } } } })).currentRevision!.text;
    const quotes = markdownQuotes(markdown);
    expect(quotes).toEqual([
      "the rarest and purest form of generosity",
      "argued back: she underlines, objects",
      "costs the author $5 of pride.\n\n- This paragraph starts like a list item",
      "the rarest and purest form of generosity",
      "the rarest and purest form of generosity",
    ]);
    for (const quote of quotes) expect(current).toContain(quote);
    expect(markdown).toContain(`## [On pencils](${ORIGIN}/essays/${essay.slug})`);
    expect(markdown).toContain("#method #ethics #memory #gift · green · public");
    expect(markdown).toContain("held for review");
    expect(markdown).not.toContain("Margins are where");
  });

  it("filters apply: a tag's export holds its highlights and no comments", async () => {
    const markdown = await (await get(exportRoute, "/api/exports/notes?format=markdown&tag=method", alice.cookie)).text();
    expect(markdownQuotes(markdown)).toEqual(["where the reader talks back", "the rarest and purest form of generosity"]);
    expect(markdown).not.toContain("### Comments");
  });

  it("never holds another reader's highlights, private or public, or their comments", async () => {
    const bobsWords = ["secret words that only Bob", "Bob's own comment"];
    for (const format of ["markdown", "csv", "jsonld"]) {
      const text = await (await get(exportRoute, `/api/exports/notes?format=${format}`, alice.cookie)).text();
      for (const words of bobsWords) expect(text).not.toContain(words);
      expect(text).not.toContain(ids.bobPrivate);
      expect(text).not.toContain(ids.bobPublic);
      expect(text).not.toContain("A deleted comment.");
      expect(text).not.toContain(ids.deleted);
    }
    const bobsOwn = await (await get(exportRoute, "/api/exports/notes?format=csv", bob.cookie)).text();
    expect(bobsOwn).toContain("secret words that only Bob");
    // Bob's comment quotes the public passage it is on; Alice's notes and private highlights are not his.
    expect(bobsOwn).not.toContain("So #Memory");
    expect(bobsOwn).not.toContain("she underlines");
  });

  it("the full export: account without secrets, everything of mine with history, nothing deleted, a few times an hour", async () => {
    const response = await get(accountExportRoute, "/api/account/export", alice.cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="glossa-account-alice-nb-[a-z0-9]+-[0-9-]+\.json"$/);
    const text = await response.text();
    for (const secret of ["passwordHash", "tokenHash", "sessionVersion", "access_token"]) expect(text).not.toContain(secret);
    const data = JSON.parse(text);
    expect(data.account).toMatchObject({ id: alice.id, email: expect.stringMatching(/^alice-nb-/), hasPassword: false });
    expect(data.highlights.map((highlight: { id: string }) => highlight.id).sort()).toEqual([ids.public, ids.private, ids.across, ids.other].sort());
    expect(data.comments.map((entry: { id: number; status: string }) => [entry.id, entry.status])).toEqual([
      [comments.root, "published"],
      [comments.held, "held"],
      [comments.hidden, "hidden"],
    ]);
    expect(data.comments[0].earlierVersions).toEqual([{ body: "The first version.", createdAt: expect.any(String) }]);
    expect(data.votes).toEqual([{ commentId: comments.bobs, createdAt: expect.any(String) }]);
    expect(data.reports).toEqual([expect.objectContaining({ commentId: comments.bobs, reason: "OFF_TOPIC", details: "Not about the essay." })]);
    expect(data.notificationPreferences.email).toEqual({ replies: "IMMEDIATE", mentions: "IMMEDIATE", watchedThreads: "OFF", moderation: "OFF", reports: "OFF" });
    expect(data.annotations).toMatchObject({ type: "AnnotationCollection", total: 7 });
    expect(text).not.toContain("secret words that only Bob");
    let status = 200;
    for (let n = 0; n < 5 && status === 200; n++) status = (await get(accountExportRoute, "/api/account/export", alice.cookie)).status;
    expect(status).toBe(429);
  });
});
