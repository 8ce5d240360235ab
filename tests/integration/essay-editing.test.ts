import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { viewerFromToken, type Viewer } from "@/lib/auth/viewer";
import { createComment } from "@/lib/comments/create-comment";
import { createCommentSchema } from "@/lib/comments/schemas";
import { db, disconnectDb } from "@/lib/db/client";
import { compareRevisions } from "@/lib/essays/compare-revisions";
import { dryRunRevision } from "@/lib/essays/dry-run-revision";
import type { EssaySource } from "@/lib/essays/editor-schemas";
import { listEssayRevisions } from "@/lib/essays/list-essay-revisions";
import { previewEssayImport } from "@/lib/essays/preview-essay-import";
import { publishEssay } from "@/lib/essays/publish-essay";
import { getEssayForReading } from "@/lib/essays/queries";
import { reviseEssay } from "@/lib/essays/revise-essay";
import { setEssayPublished } from "@/lib/essays/set-essay-published";
import { assertCommentEssayPublished, assertEssayPublished } from "@/lib/essays/unpublished-essays";
import { getHighlight } from "@/lib/highlights/get-highlight";
import { passagesWithThreadsBy } from "@/lib/highlights/passages-with-threads-by";
import { createHighlight } from "@/lib/highlights/create-highlight";
import { listHighlightsForEssay } from "@/lib/highlights/list-highlights";
import { reattachHighlight } from "@/lib/highlights/reattach-highlight";
import { createHighlightSchema, reattachHighlightSchema } from "@/lib/highlights/schemas";
import { listNotifications } from "@/lib/notifications/notifications";

// A page as copied from a news site: menus, a date, share buttons and a
// related-stories tail around a short essay.
const PAGE = [
  "Home  News  Opinion  Sport",
  "Subscribe",
  "The Slow Work of Agreement",
  "Why patient negotiators outlast loud ones.",
  "By Ada Brennan",
  "12 March 2026",
  "Share  Tweet  Email",
  "The negotiation began in a cold room, and nobody expected it to last the winter or to change anything at all.",
  "Every side arrived with a list of demands, and every list was longer than the patience of the people reading it.",
  "The Turning Point",
  "What changed was small: a chair moved, a window opened, and the negotiation found a rhythm it had never had before.",
  "A paragraph that the editor will delete later says that the coffee was terrible and the biscuits worse than that.",
  "In the end the agreement was a page long, and its plainness was the reason it held for a decade without a single breach.",
  "Advertisement",
  "Related stories",
  "Ten things about treaties",
  "© 2026 Harbour Post Media Ltd. All rights reserved.",
].join("\n");

let counter = 0;
async function account(label: string, role: "READER" | "EDITOR" | "MODERATOR" = "READER"): Promise<Viewer> {
  counter += 1;
  const user = await db.user.create({
    data: { emailVerified: new Date(), email: `${label}-${counter}@example.test`, handle: `${label}-${counter}`, name: label, role, createdAt: new Date("2026-01-01") },
  });
  return (await viewerFromToken({ uid: user.id, sv: 0 }))!;
}

const text = (body: string): EssaySource => ({ kind: "text", text: body });
const paragraphsOf = (page: string) => page.split("\n");

async function currentText(essayId: string) {
  const essay = await db.essay.findUniqueOrThrow({ where: { id: essayId }, select: { currentRevision: { select: { id: true, text: true } } } });
  return essay.currentRevision!;
}

async function highlightOn(viewer: Viewer, essayId: string, words: string, visibility: "public" | "private" = "public") {
  const revision = await currentText(essayId);
  const start = revision.text.indexOf(words);
  if (start === -1) throw new Error(`not in the essay: ${words}`);
  return createHighlight(viewer.id, essayId, createHighlightSchema.parse({ revisionId: revision.id, start, end: start + words.length, exact: words, visibility }));
}

let editor: Viewer;
let reader: Viewer;
let other: Viewer;
let bystander: Viewer;

beforeAll(async () => {
  editor = await account("editor", "EDITOR");
  reader = await account("reader");
  other = await account("other");
  bystander = await account("bystander");
});

afterAll(async () => {
  await disconnectDb();
});

describe("the import preview", () => {
  it("lists the lines dropped as site chrome with why, and the essay as it will appear", async () => {
    const preview = await previewEssayImport({ source: text(PAGE) });
    expect(preview.title).toBe("The Slow Work of Agreement");
    expect(preview.byline).toBe("Ada Brennan");
    expect(preview.attribution).toBe("Harbour Post Media Ltd");
    expect(preview.blocks.map((block) => block.text)).toContain("The Turning Point");
    const dropped = Object.fromEntries(preview.lines.filter((line) => line.use === "dropped").map((line) => [line.text, line.reason]));
    expect(dropped["Home News Opinion Sport"]).toBe("menu or interface label");
    expect(dropped["12 March 2026"]).toBe("date or reading time");
    expect(dropped["Advertisement"]).toBe("advertising label");
    expect(dropped["Share Tweet Email"]).toBe("share button");
    expect(dropped["Ten things about treaties"]).toBe("after the article");
    expect(preview.blocks.some((block) => block.text === "Advertisement")).toBe(false);
  });

  it("keeps a dropped line and drops a kept block when the editor says so, in the source's order", async () => {
    const first = await previewEssayImport({ source: text(PAGE) });
    const dateLine = first.lines.find((line) => line.text === "12 March 2026")!;
    const deleteMe = first.blocks.find((block) => block.text.startsWith("A paragraph that the editor"))!;
    const second = await previewEssayImport({ source: text(PAGE), keep: [dateLine.index], drop: [deleteMe.block!] });
    expect(second.blocks[0]).toMatchObject({ text: "12 March 2026", line: dateLine.index });
    expect(second.blocks.some((block) => block.text.startsWith("A paragraph that the editor"))).toBe(false);
    expect(second.lines.find((line) => line.index === dateLine.index)?.use).toBe("kept");
  });

  it("refuses a line that was not dropped, a block that does not exist, and an address on this machine", async () => {
    const first = await previewEssayImport({ source: text(PAGE) });
    const bodyLine = first.lines.find((line) => line.use === "body")!;
    await expect(previewEssayImport({ source: text(PAGE), keep: [bodyLine.index] })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(previewEssayImport({ source: text(PAGE), drop: [999] })).rejects.toMatchObject({ code: "VALIDATION" });
    const server: Server = createServer((_request, response) => response.end(PAGE));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      await expect(previewEssayImport({ source: { kind: "url", url: `http://127.0.0.1:${port}/essay` } })).rejects.toThrow(/private or local address/);
      await expect(previewEssayImport({ source: { kind: "url", url: `http://localhost:${port}/essay` } })).rejects.toThrow(/private or local address/);
      await expect(previewEssayImport({ source: { kind: "url", url: "http://169.254.169.254/latest/meta-data/" } })).rejects.toThrow(/private or local address/);
      // Other spellings of this machine: a decimal address, IPv4-mapped and IPv4-compatible IPv6.
      for (const url of [`http://2130706433:${port}/`, `http://[::ffff:127.0.0.1]:${port}/`, `http://[::7f00:1]:${port}/`]) {
        await expect(previewEssayImport({ source: { kind: "url", url } })).rejects.toThrow(/private or local address/);
      }
    } finally {
      server.close();
    }
  });
});

describe("publishing and revising", () => {
  let essayId: string;
  let slug: string;

  it("publishes a previewed draft at the editor's slug, audited; a taken slug is refused", async () => {
    const published = await publishEssay(editor, { source: text(PAGE), slug: "slow-work" });
    essayId = published.essayId;
    slug = published.slug;
    expect(slug).toBe("slow-work");
    const audit = await db.moderationAction.findFirstOrThrow({ where: { action: "import-essay", targetId: essayId } });
    expect(audit.actorId).toBe(editor.id);
    await expect(publishEssay(editor, { source: text(PAGE), slug: "slow-work" })).rejects.toMatchObject({ code: "CONFLICT" });
    // Several editors racing for one slug: one essay, the others told the slug is taken (the unique index once answered them with a 500).
    const racing = await Promise.allSettled(Array.from({ length: 4 }, () => publishEssay(editor, { source: text(PAGE), slug: "raced-slug" })));
    expect(racing.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    for (const outcome of racing.filter((result) => result.status === "rejected")) expect((outcome as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
  });

  it("a dry run's counts are what publishing the revision then does, and only changed passages notify their owners and participants", async () => {
    const unchanged = await highlightOn(reader, essayId, "In the end the agreement was a page long");
    const moved = await highlightOn(other, essayId, "Every side arrived with a list of demands");
    const changed = await highlightOn(reader, essayId, "What changed was small: a chair moved, a window opened, and the negotiation found a rhythm");
    const removed = await highlightOn(reader, essayId, "the coffee was terrible and the biscuits worse");
    const privateRemoved = await highlightOn(other, essayId, "says that the coffee was terrible", "private");
    await createComment(other, essayId, createCommentSchema.parse({ body: "The window is the whole story.", highlightId: changed.id }));
    await createComment(bystander, essayId, createCommentSchema.parse({ body: "Agreed about the plainness.", highlightId: unchanged.id }));

    // The revision: the first paragraph moves below the second, one passage is reworded, one paragraph is deleted.
    const lines = paragraphsOf(PAGE);
    const revised = lines.filter((line) => !line.startsWith("A paragraph that the editor")).map((line) => line.replace("the negotiation found a rhythm", "the talks found a rhythm"));
    const firstParagraph = revised.findIndex((line) => line.startsWith("The negotiation began"));
    const [opening] = revised.splice(firstParagraph, 1);
    revised.splice(firstParagraph + 1, 0, opening!);
    const draft = { source: text(revised.join("\n")) };

    const dryRun = await dryRunRevision(essayId, draft);
    expect(dryRun.unchanged).toBe(false);
    const done = await reviseEssay(editor, essayId, { ...draft, baseRevision: 1, note: "Tightened the second section." });
    // A second editor's draft, made from revision 1, is refused rather than silently undoing revision 2.
    await expect(reviseEssay(editor, essayId, { source: text(PAGE), baseRevision: 1 })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining(`Revision 2 (by @${editor.handle}) was published while you were working on revision 1`),
    });
    expect(done.report.highlights).toEqual(dryRun.report.highlights);
    expect(done.report.threads).toEqual(dryRun.report.threads);
    expect(dryRun.report.highlights).toEqual({ stays: 0, moves: 2, changes: 1, orphaned: 2 });
    expect(dryRun.report.threads).toEqual({ stays: 0, moves: 1, changes: 1, orphaned: 0 });
    expect(dryRun.report.privateAffected).toBe(1);
    // A private highlight is counted, never quoted.
    const privatePassages = dryRun.report.passages.filter((passage) => passage.highlightId === null);
    expect(privatePassages).toEqual([expect.objectContaining({ kind: "orphaned", before: null, diff: null })]);
    expect(JSON.stringify(dryRun.report)).not.toContain(privateRemoved.id);
    expect(dryRun.report.passages.find((passage) => passage.highlightId === changed.id)?.diff?.some((part) => part.op === "added" && part.text.includes("talks"))).toBe(true);

    const after = await listHighlightsForEssay(essayId, reader.id);
    expect(after.find((highlight) => highlight.id === moved.id)?.orphaned).toBe(false);
    expect(after.find((highlight) => highlight.id === removed.id)?.orphaned).toBe(true);
    const changedView = after.find((highlight) => highlight.id === changed.id)!;
    expect(changedView.passageChange?.filter((part) => part.op === "removed").map((part) => part.text.trim())).toContain("negotiation");

    const noticesFor = async (viewer: Viewer) => (await listNotifications(viewer.id)).filter((notice) => notice.kind === "PASSAGE_CHANGED");
    const readerNotices = await noticesFor(reader);
    expect(readerNotices.map((notice) => notice.message).sort()).toEqual([
      "The passage you highlighted changed in “The Slow Work of Agreement”.",
      "The passage you highlighted was removed from “The Slow Work of Agreement”.",
    ]);
    expect(readerNotices.find((notice) => notice.message.includes("removed"))?.passageDiff).toEqual([{ op: "removed", text: "the coffee was terrible and the biscuits worse" }]);
    // The thread's participant hears of the changed passage; the owner of a private orphan hears of theirs; the bystander's passage did not change.
    expect((await noticesFor(other)).map((notice) => notice.message).sort()).toEqual([
      "The passage of a discussion you took part in changed in “The Slow Work of Agreement”.",
      "The passage you highlighted was removed from “The Slow Work of Agreement”.",
    ]);
    expect(await noticesFor(bystander)).toEqual([]);
    expect(await noticesFor(editor)).toEqual([]);

    const audit = await db.moderationAction.findFirstOrThrow({ where: { action: "revise-essay", targetId: essayId } });
    expect(audit.reason).toBe("Tightened the second section.");
    expect(JSON.stringify(audit.after)).not.toContain("coffee");
  });

  it("refuses a revision identical to the published text", async () => {
    const revision = await db.essayRevision.findFirstOrThrow({ where: { essayId }, orderBy: { number: "desc" } });
    const blocks = (revision.blocks as { kind: "heading" | "paragraph"; text: string }[]).map(({ kind, text: words }) => ({ kind, text: words }));
    await expect(
      reviseEssay(editor, essayId, {
        baseRevision: revision.number,
        source: { kind: "blocks", title: revision.title, dek: revision.dek, byline: revision.byline, attribution: revision.attribution, blocks },
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("lists revisions with their editor and note, and compares any two word by word", async () => {
    const history = await listEssayRevisions({ slug });
    expect(history.revisions.map((revision) => [revision.number, revision.editor?.handle, revision.note])).toEqual([
      [2, editor.handle, "Tightened the second section."],
      [1, editor.handle, null],
    ]);
    const comparison = await compareRevisions({ slug }, 1, 2);
    const changed = comparison.blocks.find((block) => block.change === "changed")!;
    expect(changed.parts).toEqual(expect.arrayContaining([expect.objectContaining({ op: "removed" }), expect.objectContaining({ op: "added" })]));
    expect(comparison.blocks.filter((block) => block.change === "removed").map((block) => block.parts[0]!.text)).toContainEqual(expect.stringContaining("coffee was terrible"));
    expect(comparison.removed).toBeGreaterThan(15);
    await expect(compareRevisions({ slug }, 1, 9)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lets the owner re-attach an orphaned highlight, refuses everyone else but editors, and logs it", async () => {
    const orphan = (await listHighlightsForEssay(essayId, reader.id)).find((highlight) => highlight.orphaned && highlight.mine)!;
    const revision = await currentText(essayId);
    const words = "its plainness was the reason it held";
    const start = revision.text.indexOf(words);
    const input = reattachHighlightSchema.parse({ revisionId: revision.id, start, end: start + words.length, exact: words });
    await expect(reattachHighlight(bystander, orphan.id, input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const reattached = await reattachHighlight(reader, orphan.id, input);
    expect(reattached).toMatchObject({ orphaned: false, start, end: start + words.length, exact: words, passageChange: null });
    const audit = await db.moderationAction.findFirstOrThrow({ where: { action: "reattach-highlight", targetId: orphan.id } });
    expect(audit.actorId).toBe(reader.id);
    // A stale revision or words that are not there are refused.
    await expect(reattachHighlight(reader, orphan.id, { ...input, revisionId: "stale" })).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(reattachHighlight(reader, orphan.id, { ...input, exact: "x".repeat(input.exact.length) })).rejects.toMatchObject({ code: "VALIDATION" });
    // Someone else may mend a broken highlight, not move one that is in place: the thread starter of the changed passage may, the owner is told.
    const changed = (await listHighlightsForEssay(essayId, reader.id)).find((highlight) => highlight.passageChange !== null)!;
    const inPlace = (await listHighlightsForEssay(essayId, other.id)).find((highlight) => highlight.mine && !highlight.orphaned && highlight.passageChange === null)!;
    const elsewhere = reattachHighlightSchema.parse({ revisionId: revision.id, start: start + 4, end: start + words.length, exact: words.slice(4) });
    await createComment(reader, essayId, createCommentSchema.parse({ body: "Moving this would be wrong.", highlightId: inPlace.id }));
    await expect(reattachHighlight(reader, inPlace.id, elsewhere)).rejects.toMatchObject({ code: "FORBIDDEN" });
    // The page offers them the button because they started a thread there (and only there).
    expect(await passagesWithThreadsBy(other.id, [changed.id, inPlace.id, orphan.id])).toEqual(new Set([changed.id]));
    await reattachHighlight(other, changed.id, elsewhere);
    expect((await listNotifications(reader.id)).find((notice) => notice.message.startsWith(`@${other.handle} re-attached your highlight`))).toBeDefined();
    // Another reader's private orphan does not exist for anyone else, editors included.
    const privateOrphan = await db.highlight.findFirstOrThrow({ where: { essayId, authorId: other.id, visibility: "PRIVATE" } });
    await expect(reattachHighlight(editor, privateOrphan.id, input)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("a highlight made while a revision is being published waits for it, and is refused on the old revision instead of being left there", async () => {
    const before = await currentText(essayId);
    const words = "Every side arrived with a list of demands";
    const start = before.text.indexOf(words);
    // Another connection plays the revision: it holds the essay's revision lock and moves the essay to a new revision.
    const publisher = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await publisher.connect();
    try {
      await publisher.query("BEGIN");
      await publisher.query("SELECT pg_advisory_xact_lock(hashtext($1))", [`essay-revision:${essayId}`]);
      const racing = createHighlight(bystander.id, essayId, createHighlightSchema.parse({ revisionId: before.id, start, end: start + words.length, exact: words }));
      const settled = await Promise.race([
        racing.then(
          () => "done",
          () => "done",
        ),
        new Promise((resolve) => setTimeout(() => resolve("waiting"), 400)),
      ]);
      expect(settled).toBe("waiting");
      const { rows } = await publisher.query(
        `INSERT INTO "EssayRevision" (id, "essayId", number, title, blocks, text, "contentHash", "wordCount")
         SELECT 'race-' || $1, "essayId", 99, title, blocks, text, 'race', "wordCount" FROM "EssayRevision" WHERE id = $1 RETURNING id`,
        [before.id],
      );
      await publisher.query(`UPDATE "Essay" SET "currentRevisionId" = $1 WHERE id = $2`, [rows[0].id, essayId]);
      await publisher.query("COMMIT");
      await expect(racing).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("has been revised") });
    } finally {
      await publisher.query(`UPDATE "Essay" SET "currentRevisionId" = $1 WHERE id = $2`, [before.id, essayId]);
      await publisher.end();
    }
  });

  it("unpublishes (readers get nothing) and publishes again, audited", async () => {
    await setEssayPublished(editor, essayId, false, "Legal review.");
    expect(await getEssayForReading(slug)).toBeNull();
    // Nothing of it can be read or added to through the API either.
    const aPublic = await db.highlight.findFirstOrThrow({ where: { essayId, visibility: "PUBLIC", deletedAt: null } });
    await expect(getHighlight(aPublic.id, null)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(assertEssayPublished(essayId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    const aComment = await db.comment.findFirstOrThrow({ where: { essayId } });
    await expect(assertCommentEssayPublished(aComment.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(highlightOn(reader, essayId, "In the end the agreement")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(createComment(reader, essayId, createCommentSchema.parse({ body: "Hello?" }))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listEssayRevisions({ slug })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await setEssayPublished(editor, essayId, true, null);
    expect(await getEssayForReading(slug)).not.toBeNull();
    // Within the two seconds an instance trusts its list of unpublished essays, the API answers again.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    await expect(assertCommentEssayPublished(aComment.id)).resolves.toBeUndefined();
    const actions = await db.moderationAction.findMany({ where: { targetId: essayId }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((row) => row.action)).toEqual(["import-essay", "revise-essay", "unpublish-essay", "republish-essay"]);
  });
});
