import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { importEssayFrom } from "@/lib/essays/import-essay-from";
import { createHighlight } from "@/lib/highlights/create-highlight";
import { listHighlightsForEssay } from "@/lib/highlights/list-highlights";
import { createHighlightSchema } from "@/lib/highlights/schemas";
import { deleteHighlight, restoreHighlight, updateHighlight } from "@/lib/highlights/update-highlight";

const scratch = mkdtempSync(path.join(tmpdir(), "glossa-highlights-"));
const essayFile = path.join(scratch, "margins.md");

const PARAGRAPHS = [
  "The first paragraph opens the argument with a claim about attention and the way readers spend it on the page.",
  "A second paragraph, which will be deleted entirely in the next revision, says something nobody will miss.",
  "The third paragraph uses 'straight quotes' and a hyphen - like this - which the editor will make typographic.",
  "The fourth paragraph is the one that will move to the very end of the essay when the editor rearranges it.",
  "The fifth paragraph closes the first version, and its words will be rewritten beyond any recognition at all.",
];

function writeEssay(paragraphs: string[]) {
  writeFileSync(essayFile, ["---", "title: On Margins", "dek: A test essay.", "---", "", ...paragraphs.flatMap((text) => [text, ""])].join("\n"));
}

function offsetsOf(text: string, words: string) {
  const start = text.indexOf(words);
  if (start === -1) throw new Error(`not in text: ${words}`);
  return { start, end: start + words.length, exact: words };
}

let essayId: string;
let revision: { id: string; text: string };
let alice: string;
let bob: string;

async function currentRevision() {
  const essay = await db.essay.findUniqueOrThrow({ where: { id: essayId }, include: { currentRevision: true } });
  return { id: essay.currentRevision!.id, text: essay.currentRevision!.text };
}

function input(words: string, extra: Record<string, unknown> = {}) {
  return createHighlightSchema.parse({ revisionId: revision.id, ...offsetsOf(revision.text, words), ...extra });
}

beforeAll(async () => {
  writeEssay(PARAGRAPHS);
  const imported = await importEssayFrom(essayFile, { slug: "on-margins" });
  essayId = imported.essayId;
  revision = await currentRevision();
  alice = (await db.user.create({ data: { emailVerified: new Date(), email: "alice@example.test", handle: "alice", name: "Alice" } })).id;
  bob = (await db.user.create({ data: { emailVerified: new Date(), email: "bob@example.test", handle: "bob", name: "Bob" } })).id;
});

afterAll(async () => {
  await disconnectDb();
});

describe("creating highlights", () => {
  it("stores W3C quote and position selectors computed by the server", async () => {
    const created = await createHighlight(alice, essayId, input("a claim about attention", { colour: "green", note: "Yes.", visibility: "public" }));
    const row = await db.highlight.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.exact).toBe("a claim about attention");
    expect(row.prefix).toBe(revision.text.slice(Math.max(0, row.start - 32), row.start));
    expect(row.suffix).toBe(revision.text.slice(row.end, row.end + 32));
    expect(row).toMatchObject({ colour: "GREEN", note: "Yes.", visibility: "PUBLIC", revisionId: revision.id, originalRevisionId: revision.id });
  });

  it("refuses a forged anchor (words not at those offsets) with 422 and stores nothing", async () => {
    const before = await db.highlight.count();
    const forged = { ...input("a claim about attention"), exact: "a claim about intention" };
    await expect(createHighlight(alice, essayId, forged)).rejects.toMatchObject({ code: "VALIDATION", status: 422 });
    const shifted = { ...input("a claim about attention"), start: 1, end: 24 };
    await expect(createHighlight(alice, essayId, shifted)).rejects.toMatchObject({ status: 422 });
    expect(await db.highlight.count()).toBe(before);
  });

  it("refuses a stale revision with 422", async () => {
    await expect(createHighlight(alice, essayId, { ...input("first paragraph"), revisionId: "no-such-revision" })).rejects.toMatchObject({ status: 422 });
  });

  it("refuses selections the schema cannot accept, with a message per field", () => {
    const result = createHighlightSchema.safeParse({ revisionId: revision.id, start: 10, end: 5, exact: "", colour: "orange" });
    expect(result.success).toBe(false);
    const fields = new Set(result.error!.issues.map((issue) => issue.path.join(".")));
    expect(fields).toEqual(new Set(["exact", "colour"]));
    expect(createHighlightSchema.safeParse({ revisionId: revision.id, start: 0, end: 5001, exact: "x".repeat(5001) }).success).toBe(false);
  });

  it("refuses the same reader highlighting the same passage twice with 409, but lets another reader and a deleted one's author", async () => {
    const words = "the way readers spend it";
    const first = await createHighlight(alice, essayId, input(words, { visibility: "private" }));
    await expect(createHighlight(alice, essayId, input(words, { colour: "blue", visibility: "public" }))).rejects.toMatchObject({ code: "CONFLICT", status: 409 });
    const racing = await Promise.allSettled([createHighlight(bob, essayId, input(words)), createHighlight(bob, essayId, input(words))]);
    expect(racing.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    // An overlapping but different passage is a different highlight.
    await createHighlight(alice, essayId, input("the way readers spend it on"));
    await deleteHighlight(alice, first.id);
    const again = await createHighlight(alice, essayId, input(words));
    expect(again.id).not.toBe(first.id);
    await expect(restoreHighlight(alice, first.id)).rejects.toMatchObject({ status: 409 });
    expect(await db.highlight.count({ where: { authorId: alice, start: again.start, end: again.end, deletedAt: null } })).toBe(1);
  });

  it("refuses a highlight when the essay has closed highlighting", async () => {
    await db.essay.update({ where: { id: essayId }, data: { highlightsOpen: false } });
    await expect(createHighlight(alice, essayId, input("first paragraph"))).rejects.toMatchObject({ status: 403 });
    await db.essay.update({ where: { id: essayId }, data: { highlightsOpen: true } });
  });
});

describe("who sees what", () => {
  it("never returns a private highlight to another reader or to the signed-out", async () => {
    const secret = await createHighlight(alice, essayId, input("spend it on the page", { visibility: "private" }));
    expect((await listHighlightsForEssay(essayId, alice)).map((h) => h.id)).toContain(secret.id);
    expect((await listHighlightsForEssay(essayId, bob)).map((h) => h.id)).not.toContain(secret.id);
    expect((await listHighlightsForEssay(essayId, null)).map((h) => h.id)).not.toContain(secret.id);
  });

  it("lets only the author change, delete and restore a highlight", async () => {
    const mine = await createHighlight(alice, essayId, input("opens the argument", { visibility: "public" }));
    await expect(updateHighlight(bob, mine.id, { colour: "pink" })).rejects.toMatchObject({ status: 404 });
    await expect(deleteHighlight(bob, mine.id)).rejects.toMatchObject({ status: 404 });
    expect((await updateHighlight(alice, mine.id, { colour: "pink", note: "Changed." })).colour).toBe("pink");

    await deleteHighlight(alice, mine.id);
    expect((await listHighlightsForEssay(essayId, alice)).map((h) => h.id)).not.toContain(mine.id);
    await expect(restoreHighlight(bob, mine.id)).rejects.toMatchObject({ status: 404 });
    const restored = await restoreHighlight(alice, mine.id);
    expect(restored).toMatchObject({ id: mine.id, colour: "pink", note: "Changed." });
  });
});

describe("a new revision re-anchors highlights once and keeps the orphans", () => {
  it("moves what it can place and lists the rest as orphaned", async () => {
    const deleted = await createHighlight(bob, essayId, input("nobody will miss", { visibility: "public" }));
    const typographic = await createHighlight(bob, essayId, input("'straight quotes' and a hyphen - like this -", { visibility: "public" }));
    const moved = await createHighlight(bob, essayId, input("will move to the very end of the essay", { visibility: "public" }));
    const rewritten = await createHighlight(bob, essayId, input("its words will be rewritten beyond any recognition", { visibility: "private" }));

    writeEssay([
      "A new opening paragraph now stands before everything else and shifts every offset that follows it.",
      PARAGRAPHS[0]!,
      "The third paragraph uses ‘straight quotes’ and a hyphen — like this — which the editor will make typographic.",
      "Then a final paragraph of entirely different words replaces the old ending, saying something else altogether.",
      PARAGRAPHS[3]!,
    ]);
    const result = await importEssayFrom(essayFile, { slug: "on-margins" });
    expect(result.outcome).toBe("revised");
    expect(result.reanchored).toMatchObject({ anchored: expect.any(Number), orphaned: 2 });

    const next = await currentRevision();
    const byId = new Map((await listHighlightsForEssay(essayId, bob)).map((h) => [h.id, h]));
    for (const id of [typographic.id, moved.id]) {
      const highlight = byId.get(id)!;
      expect(highlight.orphaned).toBe(false);
      expect(next.text.slice(highlight.start, highlight.end)).toMatch(id === moved.id ? "will move to the very end of the essay" : /straight quotes’ and a hyphen — like this —?/);
    }
    for (const id of [deleted.id, rewritten.id]) {
      const orphan = byId.get(id)!;
      expect(orphan.orphaned).toBe(true);
      expect(orphan.exact).toBe(id === deleted.id ? "nobody will miss" : "its words will be rewritten beyond any recognition");
    }
    const rows = await db.highlight.findMany({ where: { id: { in: [typographic.id, moved.id] } } });
    for (const row of rows) expect(row.revisionId).toBe(next.id);

    // Orphans are listed to their owner, and public ones to everyone; a private orphan to nobody else.
    const seenByAlice = new Set((await listHighlightsForEssay(essayId, alice)).map((h) => h.id));
    expect(seenByAlice.has(deleted.id)).toBe(true);
    expect(seenByAlice.has(rewritten.id)).toBe(false);
  });
});
