import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { db, disconnectDb } from "@/lib/db/client";
import type { AnyOperation } from "@/lib/http/contract";
import { closeLimitStore } from "@/lib/rate-limit/store";
import { createTestEssay } from "../support/essays";
import { actor, allRoutes, callRoute, type RouteEntry } from "./support/operations";

// Malformed input of every kind, generated from the contracts, against every
// operation: the answer is always a 4xx with a message, never a 5xx.

const SECRET = "operations-fuzz-secret-operations-fuzz-secret";

beforeAll(() => {
  process.env.AUTH_SECRET = SECRET;
});

afterAll(async () => {
  await closeLimitStore();
  await disconnectDb();
});

const routes = await allRoutes();

/** Values no field should accept as they are, or that a field may accept but the database could choke on. */
const BAD_VALUES: unknown[] = [
  null,
  true,
  -1,
  0,
  1.5,
  2 ** 31,
  2 ** 53 + 2,
  1e308,
  "",
  "x\u0000y",
  "\ud800 lone",
  "\udc00",
  "a".repeat(20_000),
  [],
  {},
  [[[["deep"]]]],
  { __proto__: { polluted: 1 } },
  "2147483648",
];

/** Path and query values the same way: NUL, overflowing ids, other number spellings, traversal, lone surrogates. */
const BAD_TEXT = ["\u0000", "%00", "2147483648", "9007199254740993", "-1", "0", "1e3", "0x10", " 1", "a".repeat(300), "\ud800", "../../etc/passwd", "*", "null"];

/** Raw bodies: not JSON, the wrong JSON, a field twice, too big, nested past reason. */
const BAD_BODIES: (string | Uint8Array)[] = [
  "",
  "null",
  "[]",
  '"text"',
  "{",
  "{}}",
  '{"body":"one","body":"two"}',
  '{"a":{"b":1,"b":2}}',
  `{"pad":"${"x".repeat(70_000)}"}`,
  "[".repeat(5_000) + "]".repeat(5_000),
  new Uint8Array([0x7b, 0x22, 0x62, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
];

/** The field names of a body schema (objects, unions of objects, refined or piped objects). */
function fieldNames(schema: z.ZodType | undefined): string[] {
  if (!schema) return [];
  const found = new Set<string>();
  const visit = (node: unknown, depth: number) => {
    if (!node || typeof node !== "object" || depth > 4) return;
    const record = node as { shape?: Record<string, unknown>; options?: unknown[]; _zod?: { def?: { in?: unknown; innerType?: unknown } } };
    if (record.shape) for (const key of Object.keys(record.shape)) found.add(key);
    for (const option of record.options ?? []) visit(option, depth + 1);
    visit(record._zod?.def?.in, depth + 1);
    visit(record._zod?.def?.innerType, depth + 1);
  };
  visit(schema, 0);
  return [...found];
}

function paramNames(operation: AnyOperation): string[] {
  return [...operation.path.matchAll(/:([A-Za-z]+)/g)].map((match) => match[1]!);
}

async function expectNo5xx(route: RouteEntry, init: Parameters<typeof callRoute>[1], what: string) {
  const answer = await callRoute(route, init);
  expect(answer.status < 500, `${route.handler.operation!.name} with ${what} answered ${answer.status}: ${JSON.stringify(answer.body)}`).toBe(true);
  // A HEAD answer never has a body (RFC 9110): its status is the whole answer.
  if (answer.status >= 400 && route.method !== "HEAD") expect(answer.body?.error?.message, `${route.handler.operation!.name} with ${what}`).toMatch(/\w/);
}

describe("malformed input never gets a 5xx", () => {
  let cookie: string | null = null;
  let valid: Record<string, string> = {};

  beforeAll(async () => {
    // An admin passes every guard, so the input reaches every parser and handler.
    cookie = (await actor("admin", SECRET)).cookie;
    const essay = await createTestEssay("fuzz", "Fuzzed", [{ kind: "paragraph", text: "A paragraph to hang comments on." }]);
    const author = await db.user.create({ data: { emailVerified: new Date(), handle: `fuzz-${Date.now()}`, name: "Fuzz author" } });
    const comment = await db.comment.create({ data: { essayId: essay.essayId, authorId: author.id, body: "kept", bodyHtml: "<p>kept</p>", path: "x", depth: 0 } });
    await db.comment.update({ where: { id: comment.id }, data: { rootId: comment.id, path: String(comment.id).padStart(10, "0") } });
    const { slug } = await db.essay.findUniqueOrThrow({ where: { id: essay.essayId }, select: { slug: true } });
    valid = { essayId: essay.essayId, slug, commentId: String(comment.id), rootId: String(comment.id), highlightId: "probe", reportId: "probe" };
  });

  it.each(routes.map((route) => [route.handler.operation?.name ?? route.file, route] as const))("%s", async (_name, route) => {
    const operation = route.handler.operation!;
    const params = Object.fromEntries(paramNames(operation).map((name) => [name, valid[name] ?? "probe"]));
    const hasBody = Boolean(operation.body);
    const base = hasBody ? "{}" : undefined;

    for (const name of paramNames(operation))
      for (const text of BAD_TEXT) await expectNo5xx(route, { params: { ...params, [name]: text }, body: base, cookie }, `param ${name}=${JSON.stringify(text)}`);

    for (const name of fieldNames(operation.query ?? undefined)) {
      // A lone surrogate cannot be percent-encoded as UTF-8; its nearest spelling in a URL is the invalid byte sequence.
      const spellings = [...BAD_TEXT.map((text) => (text.isWellFormed() ? encodeURIComponent(text) : "%ED%A0%80")), "%FF", "%"];
      for (const text of spellings) await expectNo5xx(route, { params, query: `${name}=${text}`, body: base, cookie }, `query ${name}=${text}`);
      await expectNo5xx(route, { params, query: `${name}=1&${name}=2`, body: base, cookie }, `query ${name} twice`);
    }

    if (!hasBody) return;
    for (const raw of BAD_BODIES) await expectNo5xx(route, { params, body: raw as string, cookie }, `body ${typeof raw === "string" ? JSON.stringify(raw.slice(0, 40)) : "not UTF-8"}`);
    for (const field of fieldNames(operation.body)) {
      for (const value of BAD_VALUES) await expectNo5xx(route, { params, body: JSON.stringify({ [field]: value }), cookie }, `${field}=${JSON.stringify(value)?.slice(0, 40)}`);
      await expectNo5xx(route, { params, body: `{"${field}":"a","${field}":"b"}`, cookie }, `${field} twice`);
    }
  });

  it("a refused input changes nothing stored", async () => {
    const comment = await db.comment.findUniqueOrThrow({ where: { id: Number(valid.commentId) } });
    expect(comment.body).toBe("kept");
    expect(comment.editedAt).toBeNull();
  });
});
