import { createHash } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as tokenRoutes from "@/app/api/account/api-tokens/route";
import * as revokeRoute from "@/app/api/account/api-tokens/[tokenId]/route";
import * as annotationRoute from "@/app/api/annotations/[slug]/[annotationId]/route";
import * as containerRoute from "@/app/api/annotations/[slug]/route";
import { ANNOTATION_MEDIA_TYPE, ANNOTATION_PAGE_SIZE } from "@/lib/annotations/protocol";
import { createApiToken } from "@/lib/api-tokens/create-api-token";
import { MAX_API_TOKENS } from "@/lib/api-tokens/view";
import { db, disconnectDb } from "@/lib/db/client";
import { closeLimitStore } from "@/lib/rate-limit/store";
import { proxy } from "@/proxy";
import { createTestEssay } from "../support/essays";
import { actor, ORIGIN } from "./support/operations";

// The W3C Web Annotation Protocol's MUSTs (https://www.w3.org/TR/annotation-protocol/),
// called through the route handlers as Next calls them, against the real
// database, with personal API tokens and session cookies.

const SECRET = "annotation-protocol-secret-annotation-protocol";
const LDP = "http://www.w3.org/ns/ldp#";
const OA = "http://www.w3.org/ns/oa#";

const PARAGRAPHS = [
  "Annotation begins with attention: a reader stops, marks a passage and says why it matters to them.",
  "A margin is a conversation with the author that other readers may overhear, or may never see at all.",
  "Unique words here: the quiet heron waits by the estuary while the tide turns.",
];

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

interface Call {
  slug: string;
  annotationId?: string;
  query?: string;
  token?: string;
  cookie?: string | null;
  headers?: Record<string, string>;
  body?: unknown;
  /** Origin sent with a write: the site's own unless given (null: none, as a script sends). */
  origin?: string | null;
}

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: Record<string, unknown> & { error?: { message: string } };
}

async function call(handler: Handler, method: string, options: Call): Promise<Answer> {
  const path = `/api/annotations/${options.slug}${options.annotationId ? `/${options.annotationId}` : ""}${options.query ? `?${options.query}` : ""}`;
  const safe = method === "GET" || method === "HEAD" || method === "OPTIONS";
  const origin = options.origin === undefined ? (safe ? null : ORIGIN) : options.origin;
  const request = new Request(`${ORIGIN}${path}`, {
    method,
    headers: {
      host: "glossa.test",
      ...(origin ? { origin } : {}),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.cookie ? { cookie: options.cookie } : {}),
      ...(options.body === undefined ? {} : { "content-type": "application/ld+json" }),
      ...options.headers,
    },
    body: options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body),
  });
  const params = { slug: options.slug, ...(options.annotationId ? { annotationId: options.annotationId } : {}) };
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  let json = {} as Answer["json"];
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    // Not JSON: the test looks at the text.
  }
  return { status: response.status, headers: response.headers, text, json };
}

const container = {
  get: (options: Call) => call(containerRoute.GET, "GET", options),
  head: (options: Call) => call(containerRoute.HEAD, "HEAD", options),
  options: (options: Call) => call(containerRoute.OPTIONS, "OPTIONS", options),
  post: (options: Call) => call(containerRoute.POST, "POST", options),
};
const annotation = {
  get: (options: Call) => call(annotationRoute.GET, "GET", options),
  head: (options: Call) => call(annotationRoute.HEAD, "HEAD", options),
  options: (options: Call) => call(annotationRoute.OPTIONS, "OPTIONS", options),
  put: (options: Call) => call(annotationRoute.PUT, "PUT", options),
  delete: (options: Call) => call(annotationRoute.DELETE, "DELETE", options),
};

/** The last path segment of an annotation IRI: its id in the container. */
const segmentOf = (iri: string) => iri.split("/").at(-1)!;

interface Reader {
  id: string;
  cookie: string;
  token: string;
}

async function reader(): Promise<Reader> {
  const made = await actor("reader", SECRET);
  const { secret } = await createApiToken(made.userId!, "tests");
  return { id: made.userId!, cookie: made.cookie!, token: secret };
}

let slug: string;
let essayId: string;
let text: string;
let essayIri: string;
let alice: Reader;
let bob: Reader;

/** A highlighting annotation on `words` of the essay, as a client would post it. */
function highlighting(words: string, extra: Record<string, unknown> = {}) {
  const start = text.indexOf(words);
  return {
    "@context": "http://www.w3.org/ns/anno.jsonld",
    type: "Annotation",
    motivation: "highlighting",
    target: {
      type: "SpecificResource",
      source: essayIri,
      selector: [
        { type: "TextQuoteSelector", exact: words },
        { type: "TextPositionSelector", start, end: start + words.length },
      ],
    },
    ...extra,
  };
}

function commenting(words: string, body: string) {
  return { ...highlighting(words), motivation: "commenting", body: { type: "TextualBody", value: body, purpose: "commenting" } };
}

beforeAll(async () => {
  process.env.AUTH_SECRET = SECRET;
  const essay = await createTestEssay(
    "protocol",
    "On Annotation",
    PARAGRAPHS.map((paragraph) => ({ kind: "paragraph" as const, text: paragraph })),
  );
  essayId = essay.essayId;
  text = essay.text;
  slug = (await db.essay.findUniqueOrThrow({ where: { id: essayId }, select: { slug: true } })).slug;
  essayIri = `${ORIGIN}/essays/${slug}`;
  [alice, bob] = [await reader(), await reader()];
});

afterAll(async () => {
  await closeLimitStore();
  await disconnectDb();
});

describe("the container", () => {
  it("has an IRI ending in '/', the protocol's media type and profile, and its Link, ETag, Allow, Vary and Accept-Post headers", async () => {
    const answer = await container.get({ slug });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("content-type")).toBe(ANNOTATION_MEDIA_TYPE);
    expect(answer.headers.get("content-type")).toContain('profile="http://www.w3.org/ns/anno.jsonld"');
    expect(answer.json.id).toBe(`${ORIGIN}/annotations/${slug}/`);
    expect(answer.json.type).toEqual(["BasicContainer", "AnnotationCollection"]);
    expect(answer.json["@context"]).toEqual(["http://www.w3.org/ns/anno.jsonld", "http://www.w3.org/ns/ldp.jsonld"]);
    const link = answer.headers.get("link")!;
    expect(link).toContain(`<${LDP}BasicContainer>; rel="type"`);
    expect(link).toContain(`<http://www.w3.org/TR/annotation-protocol/>; rel="${LDP}constrainedBy"`);
    expect(answer.headers.get("etag")).toMatch(/^"[^"]+"$/);
    expect(answer.headers.get("allow")).toBe("GET, HEAD, OPTIONS, POST");
    expect(answer.headers.get("vary")).toBe("Accept, Prefer");
    expect(answer.headers.get("accept-post")).toContain(ANNOTATION_MEDIA_TYPE);
  });

  it("negotiates: JSON-LD by default and for */*, application/json on request, 406 for what it cannot write", async () => {
    expect((await container.get({ slug, headers: { accept: "*/*" } })).headers.get("content-type")).toBe(ANNOTATION_MEDIA_TYPE);
    expect((await container.get({ slug, headers: { accept: "application/ld+json" } })).headers.get("content-type")).toBe(ANNOTATION_MEDIA_TYPE);
    const json = await container.get({ slug, headers: { accept: "application/json" } });
    expect(json.headers.get("content-type")).toBe("application/json");
    expect(json.headers.get("etag")).not.toBe((await container.get({ slug })).headers.get("etag"));
    expect((await container.get({ slug, headers: { accept: "text/html;q=0.9, application/json;q=0.8, application/ld+json;q=0.1" } })).headers.get("content-type")).toBe("application/json");
    for (const accept of ["text/turtle", "text/html", 'application/ld+json; profile="https://www.w3.org/ns/activitystreams"', "application/json;q=0, application/ld+json;q=0"]) {
      const refused = await container.get({ slug, headers: { accept } });
      expect(refused.status, accept).toBe(406);
      expect(refused.json.error?.message).toMatch(/application\/json/);
    }
  });

  it("answers HEAD with GET's headers and no body, and OPTIONS with what it allows and accepts", async () => {
    const get = await container.get({ slug });
    const head = await container.head({ slug });
    expect(head.status).toBe(200);
    expect(head.text).toBe("");
    for (const name of ["etag", "content-type", "link", "allow", "vary", "accept-post"]) expect(head.headers.get(name), name).toBe(get.headers.get(name));
    const options = await container.options({ slug });
    expect(options.status).toBe(204);
    expect(options.headers.get("allow")).toBe("GET, HEAD, OPTIONS, POST");
    expect(options.headers.get("accept-post")).toContain("application/ld+json");
    expect(options.headers.get("link")).toContain(`${LDP}BasicContainer`);
  });

  it("is 404 for an essay that does not exist or is unpublished", async () => {
    expect((await container.get({ slug: "no-such-essay" })).status).toBe(404);
    await db.essay.update({ where: { id: essayId }, data: { unpublishedAt: new Date() } });
    try {
      expect((await container.get({ slug, token: alice.token })).status).toBe(404);
      expect((await container.post({ slug, token: alice.token, body: highlighting("a reader stops") })).status).toBe(404);
    } finally {
      await db.essay.update({ where: { id: essayId }, data: { unpublishedAt: null } });
    }
  });
});

describe("the proxy serves the protocol's IRIs", () => {
  it("rewrites the container and annotation IRIs to their routes, redirects the container without its slash, and other paths' slashes as before", () => {
    const containerAnswer = proxy(new NextRequest(`${ORIGIN}/annotations/${slug}/?page=0`));
    expect(containerAnswer.headers.get("x-middleware-rewrite")).toBe(`${ORIGIN}/api/annotations/${slug}?page=0`);
    const one = proxy(new NextRequest(`${ORIGIN}/annotations/${slug}/highlight-abc`));
    expect(one.headers.get("x-middleware-rewrite")).toBe(`${ORIGIN}/api/annotations/${slug}/highlight-abc`);
    const bare = proxy(new NextRequest(`${ORIGIN}/annotations/${slug}`, { method: "POST" }));
    expect(bare.status).toBe(308);
    expect(bare.headers.get("location")).toBe(`${ORIGIN}/annotations/${slug}/`);
    const page = proxy(new NextRequest(`${ORIGIN}/essays/${slug}/`));
    expect(page.status).toBe(308);
    expect(page.headers.get("location")).toBe(`${ORIGIN}/essays/${slug}`);
  });

  it("answers 400, not Next's 500, for a path whose %-escapes are not UTF-8", async () => {
    for (const path of ["/annotations/%ff/", `/annotations/${slug}/%ED%A0%80`, "/essays/%ff", "/tags/%ff"]) {
      const answer = proxy(new NextRequest(`${ORIGIN}${path}`));
      expect(answer.status, path).toBe(400);
      expect(await answer.text()).toMatch(/malformed %-escape/);
      expect(answer.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    }
    expect(proxy(new NextRequest(`${ORIGIN}/tags/caf%C3%A9`)).status).toBe(200);
  });

  it("advertises each essay's container on its page with a Link header", () => {
    const page = proxy(new NextRequest(`${ORIGIN}/essays/${slug}`, { headers: { host: "glossa.test" } }));
    expect(page.headers.get("link")).toBe(`<${ORIGIN}/annotations/${slug}/>; rel="${OA}annotationService"`);
  });
});

describe("creating, reading, replacing and deleting an annotation with a token", () => {
  let iri: string;
  let etag: string;

  it("POST makes a private highlight: 201, Location, the server's id, and it reads back with its own headers", async () => {
    const posted = await container.post({
      slug,
      token: alice.token,
      origin: null,
      body: highlighting("a reader stops", { id: "http://elsewhere.example/mine", body: { type: "TextualBody", value: "Why it matters.", purpose: "commenting" } }),
    });
    expect(posted.status, posted.text).toBe(201);
    iri = posted.json.id as string;
    expect(iri).toMatch(new RegExp(`^${ORIGIN}/annotations/${slug}/highlight-[0-9a-f-]+$`));
    expect(posted.headers.get("location")).toBe(iri);
    expect(posted.headers.get("content-type")).toBe(ANNOTATION_MEDIA_TYPE);
    expect(posted.json).toMatchObject({ type: "Annotation", motivation: "highlighting", body: [{ value: "Why it matters.", purpose: "commenting" }] });
    const target = posted.json.target as { selector: [{ exact: string }, { start: number; end: number }] };
    expect(text.slice(target.selector[1].start, target.selector[1].end)).toBe(target.selector[0].exact);
    const row = await db.highlight.findUniqueOrThrow({ where: { id: segmentOf(iri).slice("highlight-".length) } });
    expect(row).toMatchObject({ authorId: alice.id, visibility: "PRIVATE", note: "Why it matters." });

    const read = await annotation.get({ slug, annotationId: segmentOf(iri), token: alice.token });
    expect(read.status).toBe(200);
    etag = read.headers.get("etag")!;
    expect(etag).toBe(posted.headers.get("etag"));
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(read.headers.get("link")).toContain(`<${LDP}Resource>; rel="type"`);
    expect(read.headers.get("allow")).toBe("GET, HEAD, OPTIONS, PUT, DELETE");
    expect(read.headers.get("vary")).toContain("Accept");
    const head = await annotation.head({ slug, annotationId: segmentOf(iri), token: alice.token });
    expect([head.status, head.text, head.headers.get("etag")]).toEqual([200, "", etag]);
    const options = await annotation.options({ slug, annotationId: segmentOf(iri), token: alice.token });
    expect([options.status, options.headers.get("allow")]).toEqual([204, "GET, HEAD, OPTIONS, PUT, DELETE"]);
  });

  it("takes a highlight's tagging bodies as its tags, and gives them back the same way", async () => {
    const posted = await container.post({
      slug,
      token: alice.token,
      origin: null,
      body: highlighting("the author that other", {
        body: [
          { type: "TextualBody", value: "Worth a second look #craft", purpose: "commenting" },
          { type: "TextualBody", value: "Reading", purpose: "tagging" },
        ],
      }),
    });
    expect(posted.status, posted.text).toBe(201);
    const row = await db.highlight.findUniqueOrThrow({ where: { id: segmentOf(posted.json.id as string).slice("highlight-".length) } });
    expect([...row.tags].sort()).toEqual(["craft", "reading"]);
    const tags = (posted.json.body as { value: string; purpose: string }[]).filter((body) => body.purpose === "tagging").map((body) => body.value);
    expect(tags.sort()).toEqual(["craft", "reading"]);
  });

  it("refuses a comment on one's own private highlight (409) instead of publishing it and its note", async () => {
    const posted = await container.post({ slug, token: alice.token, origin: null, body: highlighting("marks a passage", { bodyValue: "Only for me." }) });
    expect(posted.status, posted.text).toBe(201);
    const refused = await container.post({ slug, token: alice.token, body: { motivation: "commenting", bodyValue: "Now a thread.", target: posted.json.id } });
    expect(refused.status, refused.text).toBe(409);
    expect(refused.text).toContain("publish it from the essay page first");
    const row = await db.highlight.findUniqueOrThrow({ where: { id: segmentOf(posted.json.id as string).slice("highlight-".length) } });
    expect(row.visibility).toBe("PRIVATE");
    expect(await db.comment.count({ where: { highlightId: row.id } })).toBe(0);
  });

  it("keeps a private highlight private: 404 (never 403) to anyone else, for GET, HEAD, OPTIONS, PUT and DELETE, and absent from their container", async () => {
    const id = segmentOf(iri);
    for (const who of [{ token: bob.token }, { cookie: bob.cookie }, {}]) {
      expect((await annotation.get({ slug, annotationId: id, ...who })).status).toBe(404);
      expect((await annotation.head({ slug, annotationId: id, ...who })).status).toBe(404);
      expect((await annotation.options({ slug, annotationId: id, ...who })).status).toBe(404);
      const ids = ((await container.get({ slug, ...who })).json.first as { items: { id: string }[] } | undefined)?.items.map((item) => item.id) ?? [];
      expect(ids).not.toContain(iri);
    }
    expect((await annotation.put({ slug, annotationId: id, token: bob.token, headers: { "if-match": etag }, body: highlighting("a reader stops") })).status).toBe(404);
    expect((await annotation.delete({ slug, annotationId: id, token: bob.token })).status).toBe(404);
    const mine = (await container.get({ slug, token: alice.token })).json.first as { items: { id: string }[] };
    expect(mine.items.map((item) => item.id)).toContain(iri);
  });

  it("PUT needs If-Match (428), refuses a stale ETag (412) and changing the words (422), and replaces the note with a new ETag", async () => {
    const id = segmentOf(iri);
    const changed = highlighting("a reader stops", { body: { type: "TextualBody", value: "Changed my mind.", purpose: "commenting" } });
    expect((await annotation.put({ slug, annotationId: id, token: alice.token, body: changed })).status).toBe(428);
    expect((await annotation.put({ slug, annotationId: id, token: alice.token, headers: { "if-match": '"stale"' }, body: changed })).status).toBe(412);
    const moved = await annotation.put({ slug, annotationId: id, token: alice.token, headers: { "if-match": etag }, body: highlighting("marks a passage") });
    expect(moved.status).toBe(422);
    expect(moved.json.error?.message).toMatch(/delete it/);
    const replaced = await annotation.put({ slug, annotationId: id, token: alice.token, origin: null, headers: { "if-match": etag }, body: changed });
    expect(replaced.status, replaced.text).toBe(200);
    expect(replaced.json.body).toEqual([{ type: "TextualBody", value: "Changed my mind.", format: "text/markdown", purpose: "commenting" }]);
    expect(replaced.headers.get("etag")).not.toBe(etag);
    // The ETag it answered with is the one that now works; the first is stale.
    expect((await annotation.put({ slug, annotationId: id, token: alice.token, headers: { "if-match": etag }, body: changed })).status).toBe(412);
    etag = replaced.headers.get("etag")!;
  });

  it("DELETE answers 204 (412 on a stale If-Match), and the annotation is 404 afterwards", async () => {
    const id = segmentOf(iri);
    expect((await annotation.delete({ slug, annotationId: id, token: alice.token, headers: { "if-match": '"stale"' } })).status).toBe(412);
    const deleted = await annotation.delete({ slug, annotationId: id, token: alice.token, origin: null, headers: { "if-match": etag } });
    expect([deleted.status, deleted.text]).toEqual([204, ""]);
    expect((await annotation.get({ slug, annotationId: id, token: alice.token })).status).toBe(404);
    expect((await annotation.delete({ slug, annotationId: id, token: alice.token })).status).toBe(404);
  });
});

describe("comments and replies are annotations of the passage", () => {
  it("a commenting annotation is a public comment, a reply targets the comment it answers, and both are in everyone's container", async () => {
    const carol = await reader();
    const posted = await container.post({ slug, token: alice.token, body: commenting("other readers may overhear", "Overhearing is the point.") });
    expect(posted.status, posted.text).toBe(201);
    expect(posted.json).toMatchObject({ motivation: "commenting", body: [{ value: "Overhearing is the point.", purpose: "commenting" }] });
    const reply = await container.post({ slug, token: carol.token, body: { motivation: "replying", bodyValue: "Or to be overheard.", target: posted.json.id } });
    expect(reply.status, reply.text).toBe(201);
    expect(reply.json.motivation).toBe("replying");
    expect((reply.json.target as unknown[])[0]).toBe(posted.json.id);
    const items = ((await container.get({ slug })).json.first as { items: { id: string }[] }).items.map((item) => item.id);
    expect(items).toEqual(expect.arrayContaining([posted.json.id, reply.json.id]));

    // PUT replaces a comment's text through the web's edit (its history keeps the old text); it stays a reply.
    const edited = await annotation.put({
      slug,
      annotationId: segmentOf(reply.json.id as string),
      token: carol.token,
      headers: { "if-match": reply.headers.get("etag")! },
      body: { ...reply.json, bodyValue: undefined, body: { type: "TextualBody", value: "Or, better, to be overheard." } },
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.json).toMatchObject({ motivation: "replying", body: [{ value: "Or, better, to be overheard." }] });
    const commentId = Number(segmentOf(reply.json.id as string).slice("comment-".length));
    expect((await db.commentRevision.findMany({ where: { commentId } })).map((revision) => revision.body)).toEqual(["Or to be overheard."]);
  });

  it("goes through the web's flood limit: a second comment within five seconds is 429", async () => {
    const dan = await reader();
    expect((await container.post({ slug, token: dan.token, body: commenting("the tide turns", "First.") })).status).toBe(201);
    const second = await container.post({ slug, token: dan.token, body: commenting("the quiet heron", "Second.") });
    expect(second.status).toBe(429);
    expect(second.headers.get("retry-after")).toMatch(/^\d+$/);
  });

  it("lists a held comment to its author only", async () => {
    const erin = await reader();
    await db.essay.update({ where: { id: essayId }, data: { preModeration: "ALL" } });
    try {
      const held = await container.post({ slug, token: erin.token, body: commenting("waits by the estuary", "Held for review.") });
      expect(held.status, held.text).toBe(201);
      expect((await db.comment.findUniqueOrThrow({ where: { id: Number(segmentOf(held.json.id as string).slice("comment-".length)) } })).status).toBe("HELD");
      const itemsFor = async (who: Partial<Call>) => ((await container.get({ slug, ...who })).json.first as { items: { id: string }[] }).items.map((item) => item.id);
      expect(await itemsFor({ token: erin.token })).toContain(held.json.id);
      expect(await itemsFor({ token: alice.token })).not.toContain(held.json.id);
      expect(await itemsFor({})).not.toContain(held.json.id);
      expect((await annotation.get({ slug, annotationId: segmentOf(held.json.id as string), token: alice.token })).status).toBe(404);
    } finally {
      await db.essay.update({ where: { id: essayId }, data: { preModeration: "OFF" } });
    }
  });

  it("hides a note the moderators hid, and the tags its #words gave, from everyone but its author", async () => {
    const frank = await reader();
    const posted = await container.post({
      slug,
      token: frank.token,
      body: highlighting("the tide turns", {
        body: [
          { type: "TextualBody", value: "Rude words #slurtag", purpose: "commenting" },
          { type: "TextualBody", value: "estuary", purpose: "tagging" },
        ],
      }),
    });
    expect(posted.status, posted.text).toBe(201);
    const id = segmentOf(posted.json.id as string).slice("highlight-".length);
    await db.highlight.update({ where: { id }, data: { visibility: "PUBLIC", noteHiddenAt: new Date(), noteHiddenReason: "Rude." } });
    const bodiesFor = async (who: Partial<Call>) => {
      const read = await annotation.get({ slug, annotationId: `highlight-${id}`, ...who });
      const listed = ((await container.get({ slug, ...who })).json.first as { items: { id: string; body?: unknown[] }[] }).items.find((item) => item.id === posted.json.id);
      expect(listed?.body).toEqual(read.json.body);
      return (read.json.body as { value: string; purpose: string }[]).map((body) => `${body.purpose}:${body.value}`).sort();
    };
    for (const who of [{}, { token: alice.token }]) expect(await bodiesFor(who)).toEqual(["tagging:estuary"]);
    expect(await bodiesFor({ token: frank.token })).toEqual(["commenting:Rude words #slurtag", "tagging:estuary", "tagging:slurtag"]);
  });
});

describe("paging", () => {
  let pagedSlug: string;
  let total: number;

  beforeAll(async () => {
    const essay = await createTestEssay("paged", "Many Margins", [{ kind: "paragraph", text: "word ".repeat(400).trim() }]);
    pagedSlug = (await db.essay.findUniqueOrThrow({ where: { id: essay.essayId }, select: { slug: true } })).slug;
    const author = await actor("reader", SECRET);
    total = ANNOTATION_PAGE_SIZE * 2 + 5;
    await db.highlight.createMany({
      data: Array.from({ length: total }, (_, index) => ({
        essayId: essay.essayId,
        authorId: author.userId!,
        revisionId: essay.revisionId,
        originalRevisionId: essay.revisionId,
        start: index * 5,
        end: index * 5 + 4,
        exact: "word",
        prefix: "",
        suffix: "",
        visibility: "PUBLIC" as const,
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, index)),
      })),
    });
  });

  it("embeds the first page and links first, last, next, prev, partOf and total", async () => {
    const iri = `${ORIGIN}/annotations/${pagedSlug}/`;
    const root = await container.get({ slug: pagedSlug });
    expect(root.json).toMatchObject({ total, last: `${iri}?page=2` });
    const first = root.json.first as { id: string; next: string; prev?: string; items: { id: string; target: { selector: [{ exact: string }, { start: number }] } }[]; startIndex: number };
    expect(first).toMatchObject({ id: `${iri}?page=0`, type: "AnnotationPage", next: `${iri}?page=1`, startIndex: 0 });
    expect(first.prev).toBeUndefined();
    expect(first.items).toHaveLength(ANNOTATION_PAGE_SIZE);
    expect(first.items[0]!.target.selector[1].start).toBe(0);

    const second = await container.get({ slug: pagedSlug, query: "page=1" });
    expect(second.status).toBe(200);
    expect(second.json).toMatchObject({
      "@context": "http://www.w3.org/ns/anno.jsonld",
      id: `${iri}?page=1`,
      type: "AnnotationPage",
      partOf: { id: iri, total },
      startIndex: ANNOTATION_PAGE_SIZE,
      prev: `${iri}?page=0`,
      next: `${iri}?page=2`,
    });
    expect(second.headers.get("etag")).toMatch(/^"/);
    const last = await container.get({ slug: pagedSlug, query: "page=2" });
    expect(last.json.next).toBeUndefined();
    expect(last.json.items as unknown[]).toHaveLength(5);
    const seen = new Set([first.items, second.json.items as { id: string }[], last.json.items as { id: string }[]].flat().map((item) => item.id));
    expect(seen.size).toBe(total);
    expect((await container.get({ slug: pagedSlug, query: "page=3" })).status).toBe(404);
    expect((await container.get({ slug: pagedSlug, query: "page=-1" })).status).toBe(422);
  });

  it("follows Prefer: a minimal container, contained IRIs or descriptions, with Preference-Applied and its own ETag per variant", async () => {
    const iri = `${ORIGIN}/annotations/${pagedSlug}/`;
    const full = await container.get({ slug: pagedSlug });
    expect(full.headers.get("preference-applied")).toBeNull();

    const minimal = await container.get({ slug: pagedSlug, headers: { prefer: `return=representation;include="${LDP}PreferMinimalContainer"` } });
    expect(minimal.headers.get("preference-applied")).toBe("return=representation");
    expect(minimal.json).toMatchObject({ id: iri, total, first: `${iri}?page=0`, last: `${iri}?page=2` });
    expect(minimal.headers.get("etag")).not.toBe(full.headers.get("etag"));

    const iris = await container.get({ slug: pagedSlug, headers: { prefer: `return=representation;include="${OA}PreferContainedIRIs"` } });
    expect(iris.json.id).toBe(`${iri}?iris=1`);
    const page = iris.json.first as { id: string; next: string; items: unknown[] };
    expect(page).toMatchObject({ id: `${iri}?iris=1&page=0`, next: `${iri}?iris=1&page=1` });
    expect(page.items.every((item) => typeof item === "string" && item.startsWith(iri))).toBe(true);

    const both = await container.get({ slug: pagedSlug, headers: { prefer: `return=representation; include="${LDP}PreferMinimalContainer ${OA}PreferContainedIRIs"` } });
    expect(both.json).toMatchObject({ id: `${iri}?iris=1`, first: `${iri}?iris=1&page=0`, last: `${iri}?iris=1&page=2` });
    const irisPage = await container.get({ slug: pagedSlug, query: "iris=1&page=1" });
    expect((irisPage.json.items as unknown[]).every((item) => typeof item === "string")).toBe(true);
    expect(irisPage.json.partOf).toMatchObject({ id: `${iri}?iris=1`, total });

    const descriptions = await container.get({ slug: pagedSlug, headers: { prefer: `return=representation;include="${OA}PreferContainedDescriptions"` } });
    expect(typeof (descriptions.json.first as { items: unknown[] }).items[0]).toBe("object");
  });

  it("changes its ETag when an annotation in it changes, and answers 304 to a matching If-None-Match", async () => {
    const before = await container.get({ slug: pagedSlug, headers: { prefer: `return=representation;include="${LDP}PreferMinimalContainer"` } });
    const etag = before.headers.get("etag")!;
    const unchanged = await container.get({ slug: pagedSlug, headers: { prefer: `return=representation;include="${LDP}PreferMinimalContainer"`, "if-none-match": etag } });
    expect(unchanged.status).toBe(304);
    const one = await db.highlight.findFirstOrThrow({ where: { essay: { slug: pagedSlug } }, orderBy: { start: "desc" } });
    await db.highlight.update({ where: { id: one.id }, data: { note: "Edited." } });
    const after = await container.get({ slug: pagedSlug, headers: { prefer: `return=representation;include="${LDP}PreferMinimalContainer"`, "if-none-match": etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
  });
});

describe("who a request acts for", () => {
  it("refuses a revoked token at its next request (401), and one that never existed", async () => {
    const frank = await reader();
    expect((await container.get({ slug, token: frank.token })).status).toBe(200);
    const [token] = (await db.apiToken.findMany({ where: { userId: frank.id } })).map((row) => row.id);
    const request = new Request(`${ORIGIN}/api/account/api-tokens/${token}`, { method: "DELETE", headers: { host: "glossa.test", origin: ORIGIN, cookie: frank.cookie } });
    expect((await revokeRoute.DELETE(request, { params: Promise.resolve({ tokenId: token! }) })).status).toBe(204);
    for (const answer of [await container.get({ slug, token: frank.token }), await container.post({ slug, token: frank.token, body: highlighting("the quiet heron") })]) {
      expect(answer.status).toBe(401);
      expect(answer.json.error?.message).toMatch(/revoked/);
      expect(answer.headers.get("www-authenticate")).toBe('Bearer realm="Glossa", error="invalid_token"');
    }
    expect((await container.post({ slug, body: highlighting("the quiet heron") })).headers.get("www-authenticate")).toBe('Bearer realm="Glossa"');
    expect((await container.get({ slug, token: `glossa_${"A".repeat(43)}` })).status).toBe(401);
    expect((await container.get({ slug, token: "not-a-token" })).status).toBe(401);
  });

  it("lets a token act only for its own reader: never on another reader's annotation, and a cookie beside it is ignored", async () => {
    const kim = await reader();
    const posted = await container.post({ slug, token: kim.token, body: commenting("marks a passage", "Kim's comment.") });
    expect(posted.status, posted.text).toBe(201);
    const id = segmentOf(posted.json.id as string);
    const etag = posted.headers.get("etag")!;
    const put = await annotation.put({ slug, annotationId: id, token: bob.token, headers: { "if-match": etag }, body: commenting("marks a passage", "Bob's words.") });
    expect(put.status).toBe(403);
    expect((await annotation.delete({ slug, annotationId: id, token: bob.token })).status).toBe(403);
    // Bob's token with Kim's cookie is Bob, not Kim.
    expect((await annotation.delete({ slug, annotationId: id, token: bob.token, cookie: kim.cookie })).status).toBe(403);
    expect((await annotation.get({ slug, annotationId: id })).json.body).toEqual([expect.objectContaining({ value: "Kim's comment." })]);
    const asBob = await container.post({ slug, token: bob.token, cookie: kim.cookie, body: highlighting("the quiet heron") });
    expect(asBob.status, asBob.text).toBe(201);
    expect((asBob.json.creator as { nickname: string }).nickname).toBe((await db.user.findUniqueOrThrow({ where: { id: bob.id } })).handle);
  });

  it("exempts token writes from the same-origin check, never cookie writes", async () => {
    const george = await reader();
    const fromElsewhere = await container.post({ slug, cookie: george.cookie, origin: "https://evil.example", body: highlighting("says why it matters") });
    expect(fromElsewhere.status).toBe(403);
    expect((await container.post({ slug, cookie: george.cookie, headers: { "sec-fetch-site": "cross-site" }, origin: null, body: highlighting("says why it matters") })).status).toBe(403);
    const byToken = await container.post({ slug, token: george.token, origin: "https://evil.example", body: highlighting("says why it matters") });
    expect(byToken.status, byToken.text).toBe(201);
    const byCookie = await container.post({ slug, cookie: george.cookie, body: highlighting("may never see at all") });
    expect(byCookie.status, byCookie.text).toBe(201);
    expect((await container.post({ slug, body: highlighting("may never see at all") })).status).toBe(401);
  });

  it("gives a suspended reader's token reads only, and a banned reader's token nothing of theirs", async () => {
    const helen = await reader();
    const mine = await container.post({ slug, token: helen.token, body: highlighting("a conversation with the author") });
    expect(mine.status).toBe(201);
    await db.user.update({ where: { id: helen.id }, data: { standing: "SUSPENDED", suspendedUntil: new Date(Date.now() + 86_400_000) } });
    expect((await annotation.get({ slug, annotationId: segmentOf(mine.json.id as string), token: helen.token })).status).toBe(200);
    const refused = await container.post({ slug, token: helen.token, body: highlighting("a margin is a conversation") });
    expect(refused.status).toBe(403);
    expect(refused.json.error?.message).toMatch(/suspended/);
    await db.user.update({ where: { id: helen.id }, data: { standing: "BANNED", suspendedUntil: null } });
    expect((await annotation.get({ slug, annotationId: segmentOf(mine.json.id as string), token: helen.token })).status).toBe(404);
    expect((await container.post({ slug, token: helen.token, body: highlighting("a margin is a conversation") })).status).toBe(403);
    await db.user.update({ where: { id: helen.id }, data: { deletedAt: new Date() } });
    expect((await container.get({ slug, token: helen.token })).status).toBe(401);
  });
});

describe("what a posted annotation may be", () => {
  it("refuses, with a message a person can act on, words that are not in the essay, another essay, no selector and ambiguous quotes", async () => {
    const ivy = await reader();
    const post = (body: unknown) => container.post({ slug, token: ivy.token, body });
    const cases: [unknown, RegExp][] = [
      [{ ...highlighting("a reader stops"), target: { source: essayIri, selector: { type: "TextQuoteSelector", exact: "words nowhere in it" } } }, /not in the essay/],
      [
        {
          ...highlighting("a reader stops"),
          target: {
            source: essayIri,
            selector: [
              { type: "TextQuoteSelector", exact: "a reader stops" },
              { type: "TextPositionSelector", start: 0, end: 14 },
            ],
          },
        },
        /do not match/,
      ],
      [{ ...highlighting("a reader stops"), target: { source: `${ORIGIN}/essays/another`, selector: { type: "TextQuoteSelector", exact: "a reader stops" } } }, /This container holds annotations on/],
      [{ ...highlighting("a reader stops"), target: { source: essayIri } }, /TextQuoteSelector/],
      [{ ...highlighting("a reader stops"), target: { source: essayIri, selector: { type: "TextQuoteSelector", exact: "a" } } }, /more than once/],
      [{ ...highlighting("a reader stops"), target: { source: essayIri, selector: { type: "CssSelector", value: "p" } } }, /TextQuoteSelector and\/or TextPositionSelector/],
      [{ target: essayIri, bodyValue: "On the whole essay." }, /essay as a whole/],
      [{ ...highlighting("a reader stops"), motivation: "bookmarking" }, /highlighting, commenting and replying/],
      [{ ...highlighting("a reader stops"), target: { source: essayIri, selector: { type: "TextPositionSelector", start: 0, end: 10 ** 6 } } }, /past the essay/],
    ];
    for (const [body, message] of cases) {
      const answer = await post(body);
      expect(answer.status, JSON.stringify(body)).toBe(422);
      expect(answer.json.error?.message, JSON.stringify(body)).toMatch(message);
    }
    expect((await post(JSON.stringify(highlighting("a reader stops")).replace("a reader stops", "a reader\\u0000stops"))).status).toBe(422);
    expect((await post('{"motivation":"highlighting","motivation":"commenting","target":"x"}')).status).toBe(400);
    expect((await post(`{"bodyValue":"${"x".repeat(70_000)}"}`)).status).toBe(413);
    // By quote alone, prefix and suffix pick the one occurrence.
    const quoted = await post({ motivation: "highlighting", target: { source: essayIri, selector: { type: "TextQuoteSelector", exact: "a", prefix: "stops, marks ", suffix: " passage" } } });
    expect(quoted.status, quoted.text).toBe(201);
    expect((quoted.json.target as { selector: [unknown, { start: number }] }).selector[1].start).toBe(text.indexOf("a passage"));
  });
});

describe("personal API tokens in settings", () => {
  it("shows the secret once, stores only its SHA-256, lists prefixes, and caps a reader's live tokens", async () => {
    const jack = await actor("reader", SECRET);
    const create = (name: string) =>
      tokenRoutes.POST(
        new Request(`${ORIGIN}/api/account/api-tokens`, {
          method: "POST",
          headers: { host: "glossa.test", origin: ORIGIN, cookie: jack.cookie!, "content-type": "application/json" },
          body: JSON.stringify({ name }),
        }),
        {
          params: Promise.resolve({}),
        },
      );
    const made = await create("  Zotero  ");
    expect(made.status).toBe(201);
    const { token, secret } = (await made.json()) as { token: { id: string; name: string; prefix: string }; secret: string };
    expect(secret).toMatch(/^glossa_[A-Za-z0-9_-]{43}$/);
    expect(token.name).toBe("Zotero");
    expect(secret.startsWith(token.prefix)).toBe(true);
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(secret).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(secret.slice(token.prefix.length));

    const listed = await tokenRoutes.GET(new Request(`${ORIGIN}/api/account/api-tokens`, { headers: { host: "glossa.test", cookie: jack.cookie! } }), { params: Promise.resolve({}) });
    const body = (await listed.json()) as { tokens: Record<string, unknown>[] };
    expect(body.tokens).toEqual([expect.objectContaining({ id: token.id, name: "Zotero", prefix: token.prefix, lastUsedAt: null })]);
    expect(JSON.stringify(body)).not.toContain(secret);

    // A token cannot manage tokens: the settings operations read only the cookie.
    const byToken = await tokenRoutes.GET(new Request(`${ORIGIN}/api/account/api-tokens`, { headers: { host: "glossa.test", authorization: `Bearer ${secret}` } }), { params: Promise.resolve({}) });
    expect(byToken.status).toBe(401);

    expect((await create("")).status).toBe(422);
    for (let made = 1; made < MAX_API_TOKENS; made++) expect((await create(`device ${made}`)).status).toBe(201);
    const over = await create("one too many");
    expect(over.status).toBe(409);
    expect(((await over.json()) as { error: { message: string } }).error.message).toMatch(/Revoke one/);

    // Using a token records when, to the minute.
    await container.get({ slug, token: secret });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id: token.id } })).lastUsedAt).not.toBeNull();
  });
});
