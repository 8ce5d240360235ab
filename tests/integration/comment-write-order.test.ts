import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { viewerFromToken, type Viewer } from "@/lib/auth/viewer";
import { createComment, targetSql } from "@/lib/comments/create-comment";
import { loadComment, loadDiscussion, loadThread } from "@/lib/comments/queries";
import { db, disconnectDb } from "@/lib/db/client";
import { sharedPool } from "@/lib/db/pool";
import { createHighlight } from "@/lib/highlights/create-highlight";
import { updateHighlight } from "@/lib/highlights/update-highlight";
import { closeLimitStore } from "@/lib/rate-limit/store";
import { createTestEssay } from "../support/essays";

const drafts = [{ kind: "paragraph" as const, text: "Negotiations that drag on can turn a strong position into a defeat." }];
let essayId: string;
let revisionId: string;
let counter = 0;

async function reader(label: string): Promise<Viewer> {
  counter += 1;
  const user = await db.user.create({ data: { emailVerified: new Date(), handle: `${label}-${counter}-${Date.now().toString(36)}`, name: label, createdAt: new Date("2026-01-01") } });
  return (await viewerFromToken({ uid: user.id, sv: 0 }))!;
}

beforeAll(async () => {
  ({ essayId, revisionId } = await createTestEssay("write-order", "Order", drafts));
  await db.moderationSettings.upsert({ where: { id: 1 }, create: { id: 1, bannedWords: ["zorblax"] }, update: { bannedWords: ["zorblax"] } });
});

afterAll(async () => {
  await db.moderationSettings.update({ where: { id: 1 }, data: { bannedWords: [] } });
  await closeLimitStore();
  await disconnectDb();
});

describe("a comment is judged before anything is spent or written", () => {
  it("a refused comment leaves no trace: the rephrased comment right after it is published", async () => {
    const ana = await reader("ana");
    const eventsBefore = await db.discussionEvent.count({ where: { essayId } });
    await expect(createComment(ana, essayId, { body: "This is zorblax nonsense." })).rejects.toMatchObject({ status: 422, message: expect.stringMatching(/rephrase/i) });
    expect(await db.comment.count({ where: { authorId: ana.id } })).toBe(0);
    expect(await db.discussionEvent.count({ where: { essayId } })).toBe(eventsBefore);
    expect(await db.$queryRaw<unknown[]>`SELECT 1 FROM rate_limits WHERE key LIKE ${"%" + ana.id}`).toHaveLength(0);
    // At once, as a reader would after being told to rephrase: no 429 "Wait 5 seconds".
    const comment = await createComment(ana, essayId, { body: "This is nonsense, I think." });
    expect(comment.state).toBe("published");
    // The limit is spent by the published comment.
    await expect(createComment(ana, essayId, { body: "And another thing." })).rejects.toMatchObject({ status: 429 });
  });

  it("a reply to a missing comment spends nothing either", async () => {
    const ben = await reader("ben");
    await expect(createComment(ben, essayId, { body: "Replying to nothing.", parentId: 2_000_000_000 })).rejects.toMatchObject({ status: 404 });
    expect((await createComment(ben, essayId, { body: "A real comment." })).state).toBe("published");
  });
});

describe("a comment on a private highlight", () => {
  it("makes the owner's highlight public, as the composer says", async () => {
    const cara = await reader("cara");
    const highlight = await createHighlight(cara.id, essayId, { revisionId, start: 0, end: 12, exact: "Negotiations", colour: "yellow", note: null, visibility: "private" });
    const comment = await createComment(cara, essayId, { body: "Why do they drag on?", highlightId: highlight.id });
    expect(comment.highlightId).toBe(highlight.id);
    expect((await db.highlight.findUniqueOrThrow({ where: { id: highlight.id } })).visibility).toBe("PUBLIC");
    // It stays public while it carries a discussion.
    await expect(updateHighlight(cara.id, highlight.id, { visibility: "private" })).rejects.toMatchObject({ status: 409 });
    expect((await db.highlight.findUniqueOrThrow({ where: { id: highlight.id } })).visibility).toBe("PUBLIC");
  });

  it("written before that rule, is shown to nobody but the highlight's owner: no id, no quote", async () => {
    const dan = await reader("dan");
    const other = await reader("other");
    const highlight = await createHighlight(dan.id, essayId, { revisionId, start: 13, end: 21, exact: "that dra", colour: "blue", note: null, visibility: "private" });
    // A comment from before the rule: written straight to the database.
    const legacy = await db.comment.create({ data: { essayId, highlightId: highlight.id, authorId: dan.id, body: "old", bodyHtml: "<p>old</p>", path: "x", depth: 0 } });
    const rootPath = legacy.id.toString(36).padStart(8, "0");
    await db.comment.update({ where: { id: legacy.id }, data: { rootId: legacy.id, path: rootPath } });
    // Its replies are read without a passage check of their own (they share their root's), so the thread's check must hold them back.
    const reply = await db.comment.create({
      data: { essayId, highlightId: highlight.id, authorId: dan.id, parentId: legacy.id, rootId: legacy.id, body: "older", bodyHtml: "<p>older</p>", path: "x", depth: 1 },
    });
    await db.comment.update({ where: { id: reply.id }, data: { path: `${rootPath}.${reply.id.toString(36).padStart(8, "0")}` } });

    for (const viewerId of [null, other.id]) {
      expect(await loadComment(legacy.id, viewerId)).toBeNull();
      expect(await loadThread(legacy.id, viewerId)).toEqual([]);
      expect(await loadThread(legacy.id, viewerId, reply.id)).toEqual([]);
      expect(await loadComment(reply.id, viewerId)).toBeNull();
      expect((await loadDiscussion(essayId, viewerId, { sort: "new", highlightId: "*" })).comments.map((comment) => comment.id)).not.toContain(legacy.id);
      expect((await loadDiscussion(essayId, viewerId, { sort: "new", highlightId: highlight.id })).comments).toEqual([]);
    }
    const own = await loadComment(legacy.id, dan.id);
    expect(own?.highlightId).toBe(highlight.id);
    expect(own?.passageQuote).toBe("that dra");
    expect(own?.replyCount).toBe(1);
    expect((await loadThread(legacy.id, dan.id)).map((comment) => comment.id)).toEqual([legacy.id, reply.id]);
  });
});

describe("the facts query of a new comment", () => {
  // Planned again for every comment, it spent 320 µs of a comment's 1.3 ms
  // of database time in bench:threads; a parameter in the duplicate window or
  // the author's comment count in it made PostgreSQL keep re-planning.
  it("keeps one generic plan per connection, whatever the comment replies to", async () => {
    const [ana, ben] = [await reader("ana"), await reader("ben")];
    const root = await createComment(ben, essayId, { body: "A root to reply to." });
    // A discussion the size the benchmark measured, and its statistics: the planner's choice depends on them.
    const authors = await Promise.all(Array.from({ length: 20 }, (_, index) => reader(`writer${index}`)));
    await db.$executeRaw`
      INSERT INTO "Comment" (id, "essayId", "authorId", "rootId", depth, path, body, "bodyHtml", "createdAt", "updatedAt")
      SELECT n, ${essayId}, (${authors.map((author) => author.id)}::text[])[1 + n % 20], n, 0, lpad(to_hex(n), 8, '0'), 'Filler', '<p>Filler</p>', now(), now()
      FROM generate_series(1000000, 1019999) AS n`;
    await db.$executeRaw`ANALYZE "Comment"`;
    const client = await sharedPool().connect();
    const name = `facts-plan-${Date.now()}`;
    try {
      for (let comment = 0; comment < 10; comment += 1) {
        const viewer = comment % 2 ? ana : ben;
        const query = targetSql(viewer, essayId, { body: `Comment ${comment} on the plan.`, parentId: comment % 3 ? root.id : undefined });
        await client.query({ name, text: query.text, values: query.values as unknown[] });
      }
      const { rows } = await client.query<{ generic_plans: string; custom_plans: string }>("SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = $1", [name]);
      // PostgreSQL plans the first five executions for their values, then compares.
      expect(Number(rows[0]!.custom_plans)).toBeLessThanOrEqual(5);
      expect(Number(rows[0]!.generic_plans)).toBeGreaterThanOrEqual(5);
    } finally {
      await client.query(`DEALLOCATE "${name}"`);
      client.release();
    }
  });
});
