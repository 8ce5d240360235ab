import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DELETED_ACCOUNT_NAME } from "@/lib/auth/account-constants";
import { viewerFromToken, type Viewer } from "@/lib/auth/viewer";
import { createComment } from "@/lib/comments/create-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { loadComment, loadDiscussion, loadThread } from "@/lib/comments/queries";
import { toggleVote } from "@/lib/comments/toggle-vote";
import { db, disconnectDb } from "@/lib/db/client";
import { discussionStream } from "@/lib/live/discussion-stream";
import { eventsAfter } from "@/lib/live/events";
import { announceDiscussionEvent, DISCUSSION_CHANNEL } from "@/lib/live/publish";
import { closeLimitStore } from "@/lib/rate-limit/store";
import { createTestEssay } from "../support/essays";

const drafts = [
  { kind: "paragraph" as const, text: "The first paragraph of a short test essay about harbours and their ferries." },
  { kind: "paragraph" as const, text: "The second paragraph says that slower boats, run more often, serve riders better." },
];
let text: string;

let essayId: string;
let revisionId: string;
let counter = 0;

async function reader(label: string): Promise<Viewer> {
  counter += 1;
  const user = await db.user.create({
    data: {
      emailVerified: new Date(),
      email: `${label}-${counter}-${Date.now()}@example.test`,
      handle: `${label}-${counter}-${Date.now().toString(36)}`,
      name: label,
      createdAt: new Date("2026-01-01"),
    },
  });
  return (await viewerFromToken({ uid: user.id, sv: 0 }))!;
}

/** Forgets a reader's flood counter, standing in for the 5 seconds a real reader would wait. */
async function waitOutFlood(viewer: Viewer) {
  await db.$executeRaw`DELETE FROM rate_limits WHERE key LIKE ${"%" + viewer.id}`;
}

async function post(viewer: Viewer, body: string, extra: Record<string, unknown> = {}) {
  return createComment(viewer, essayId, { body, ...extra });
}

beforeAll(async () => {
  ({ essayId, revisionId, text } = await createTestEssay("comments", "Ferries", drafts));
});

afterAll(async () => {
  await closeLimitStore();
  await disconnectDb();
});

describe("writing", () => {
  it("renders Markdown safely once, and keeps the source for editing", async () => {
    const ana = await reader("ana");
    const comment = await post(ana, "A **bold** claim with <script>alert(1)</script> and [a link](https://example.com).");
    expect(comment.html).toBe('<p>A <strong>bold</strong> claim with &lt;script&gt;alert(1)&lt;/script&gt; and <a href="https://example.com" rel="nofollow ugc noopener noreferrer">a link</a>.</p>');
    expect(comment.source).toContain("**bold**");
    const row = await db.comment.findUniqueOrThrow({ where: { id: comment.id } });
    expect(row.bodyHtml).toBe(comment.html);
  });

  it("starts a passage thread by creating a public highlight in the same step", async () => {
    const ana = await reader("ana");
    const start = text.indexOf("slower boats");
    const comment = await post(ana, "Slower, but more of them.", { passage: { revisionId, start, end: start + 12, exact: "slower boats", colour: "yellow" } });
    const highlight = await db.highlight.findUniqueOrThrow({ where: { id: comment.highlightId! } });
    expect(highlight).toMatchObject({ exact: "slower boats", visibility: "PUBLIC", authorId: ana.id });
    expect(comment.passageQuote).toBe("slower boats");
    await expect(post(await reader("eve"), "Forged.", { passage: { revisionId, start, end: start + 12, exact: "faster boats", colour: "yellow" } })).rejects.toMatchObject({ status: 422 });
  });

  it("stores a reply in the tree and notifies the parent's author", async () => {
    const [ana, ben] = [await reader("ana"), await reader("ben")];
    const root = await post(ana, "Root of a thread.");
    const reply = await post(ben, "A reply.", { parentId: root.id });
    await waitOutFlood(ana);
    const deeper = await post(ana, "A reply to the reply.", { parentId: reply.id });
    expect(reply).toMatchObject({ rootId: root.id, depth: 1, parentId: root.id });
    expect(deeper).toMatchObject({ rootId: root.id, depth: 2 });
    const [replyRow, deeperRow] = await Promise.all([db.comment.findUniqueOrThrow({ where: { id: reply.id } }), db.comment.findUniqueOrThrow({ where: { id: deeper.id } })]);
    expect(deeperRow.path.startsWith(`${replyRow.path}.`)).toBe(true);
    const notices = await db.notification.findMany({ where: { userId: ana.id } });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.message).toMatch(/replied: A reply\./);
  });

  it("announces every change on the NOTIFY channel, with ids only", async () => {
    const listener = new pg.Client({ connectionString: inject("databaseUrl") });
    await listener.connect();
    await listener.query(`LISTEN ${DISCUSSION_CHANNEL}`);
    const heard: string[] = [];
    listener.on("notification", (message) => heard.push(message.payload ?? ""));
    const ana = await reader("ana");
    const before = (await db.discussionEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const comment = await post(ana, "Heard live?");
    await new Promise((resolve) => setTimeout(resolve, 200));
    await listener.end();
    const payload = JSON.parse(heard.at(-1)!) as { essayId: string; eventId: number };
    expect(payload.essayId).toBe(essayId);
    expect(Buffer.byteLength(heard.at(-1)!)).toBeLessThan(8_000);
    expect(await eventsAfter(essayId, before)).toEqual([{ id: payload.eventId, essayId, kind: "comment", commentId: comment.id, highlightId: null }]);
  });
});

describe("the live stream", () => {
  it("announces a burst of events as one notification per essay, with the newest id", async () => {
    const listener = new pg.Client({ connectionString: inject("databaseUrl") });
    await listener.connect();
    await listener.query(`LISTEN ${DISCUSSION_CHANNEL}`);
    const heard: { essayId: string; eventId: number }[] = [];
    listener.on("notification", (message) => heard.push(JSON.parse(message.payload ?? "{}")));
    await Promise.all([
      announceDiscussionEvent({ essayId: "essay-one", eventId: 7 }),
      announceDiscussionEvent({ essayId: "essay-two", eventId: 8 }),
      announceDiscussionEvent({ essayId: "essay-one", eventId: 9 }),
    ]);
    await expect.poll(() => heard.length).toBe(2);
    await listener.end();
    expect(heard).toEqual(
      expect.arrayContaining([
        { essayId: "essay-one", eventId: 9 },
        { essayId: "essay-two", eventId: 8 },
      ]),
    );
  });

  it("delivers an event whose transaction commits after a later one's", async () => {
    const abort = new AbortController();
    const before = (await db.discussionEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const reader = discussionStream(essayId, before, abort.signal).getReader();
    const decoder = new TextDecoder();
    const received: number[] = [];
    const reading = (async () => {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
        for (const match of decoder.decode(chunk.value).matchAll(/^id: (\d+)$/gm)) received.push(Number(match[1]));
      }
    })();
    const [slow, fast] = [new pg.Client({ connectionString: inject("databaseUrl") }), new pg.Client({ connectionString: inject("databaseUrl") })];
    await Promise.all([slow.connect(), fast.connect()]);
    const insert = `INSERT INTO "DiscussionEvent" ("essayId", kind) VALUES ($1, 'vote') RETURNING id`;
    await slow.query("BEGIN");
    const early = (await slow.query<{ id: number }>(insert, [essayId])).rows[0]!.id;
    const late = (await fast.query<{ id: number }>(insert, [essayId])).rows[0]!.id;
    await fast.query(`SELECT pg_notify($1, $2)`, [DISCUSSION_CHANNEL, JSON.stringify({ essayId, eventId: late })]);
    await expect.poll(() => received, { timeout: 2_000 }).toContain(late);
    await slow.query("COMMIT");
    await slow.query(`SELECT pg_notify($1, $2)`, [DISCUSSION_CHANNEL, JSON.stringify({ essayId, eventId: early })]);
    await expect.poll(() => received, { timeout: 2_000 }).toContain(early);
    expect(received).toEqual([late, early]);
    await Promise.all([slow.end(), fast.end()]);
    abort.abort();
    await reading;
  });
});

describe("only authors change their own comments", () => {
  it("edits keep history and mark the comment; others get 404", async () => {
    const [ana, ben] = [await reader("ana"), await reader("ben")];
    const comment = await post(ana, "First version.");
    await expect(editComment(ben, comment.id, "Hijacked.")).rejects.toMatchObject({ status: 404 });
    await expect(deleteComment(ben.id, comment.id)).rejects.toMatchObject({ status: 404 });
    const edited = await editComment(ana, comment.id, "Second version.");
    expect(edited).toMatchObject({ edited: true, html: "<p>Second version.</p>" });
    expect((await db.commentRevision.findMany({ where: { commentId: comment.id } })).map((revision) => revision.body)).toEqual(["First version."]);
  });

  it("deleting leaves a tombstone that keeps its replies in place", async () => {
    const [ana, ben] = [await reader("ana"), await reader("ben")];
    const root = await post(ana, "To be deleted.");
    const reply = await post(ben, "Still here.", { parentId: root.id });
    await deleteComment(ana.id, root.id);
    const thread = await loadThread(root.id, ben.id);
    expect(thread.map((comment) => [comment.id, comment.state, comment.html])).toEqual([
      [root.id, "deleted", null],
      [reply.id, "published", "<p>Still here.</p>"],
    ]);
    expect((await db.comment.findUniqueOrThrow({ where: { id: root.id } })).body).toBe("");
  });

  it("votes toggle once per reader, never for one's own comment", async () => {
    const [ana, ben] = [await reader("ana"), await reader("ben")];
    const comment = await post(ana, "Vote for me.");
    await expect(toggleVote(ana.id, comment.id)).rejects.toMatchObject({ status: 403 });
    expect(await toggleVote(ben.id, comment.id)).toEqual({ voted: true, upvotes: 1 });
    expect(await toggleVote(ben.id, comment.id)).toEqual({ voted: false, upvotes: 0 });
  });
});

describe("rules, with clear messages", () => {
  it("one comment per 5 seconds, and not the same text twice", async () => {
    const ana = await reader("ana");
    await post(ana, "Quick one.");
    await expect(post(ana, "Quick two.")).rejects.toMatchObject({ status: 429, message: expect.stringMatching(/Too many comments\. Try again in \d+ seconds?/) });
    await waitOutFlood(ana);
    await expect(post(ana, "Quick one.")).rejects.toMatchObject({ status: 429, message: expect.stringContaining("same text") });
  });

  it("refuses comments on a closed essay and replies in a locked thread", async () => {
    const [ana, ben] = [await reader("ana"), await reader("ben")];
    const root = await post(ana, "A thread to lock.");
    await db.comment.update({ where: { id: root.id }, data: { lockedAt: new Date() } });
    await expect(post(ben, "Too late.", { parentId: root.id })).rejects.toMatchObject({ status: 403, message: "This thread is locked: no new replies." });
    await db.essay.update({ where: { id: essayId }, data: { commentsOpen: false } });
    await expect(post(await reader("cy"), "Closed?")).rejects.toMatchObject({ status: 403, message: "Comments are closed on this essay." });
    await db.essay.update({ where: { id: essayId }, data: { commentsOpen: true } });
  });

  it("hidden and held content never reaches other readers by any read path", async () => {
    const [ana, ben] = [await reader("ana"), await reader("ben")];
    const hidden = await post(ana, "Something the moderators will hide.");
    await db.comment.update({ where: { id: hidden.id }, data: { status: "HIDDEN", hiddenReason: "Harassment" } });
    await db.essay.update({ where: { id: essayId }, data: { preModeration: "ALL" } });
    await waitOutFlood(ana);
    const held = await post(ana, "Waiting for review.");
    await db.essay.update({ where: { id: essayId }, data: { preModeration: "OFF" } });
    expect(held.state).toBe("held");

    for (const viewer of [ben.id, null]) {
      const hiddenView = await loadComment(hidden.id, viewer);
      expect(hiddenView).toMatchObject({ state: "hidden", html: null, source: null, hiddenReason: "Harassment" });
      expect(await loadComment(held.id, viewer)).toBeNull();
      const page = await loadDiscussion(essayId, viewer, { sort: "new", highlightId: null });
      expect(JSON.stringify(page)).not.toContain("Something the moderators will hide.");
      expect(page.comments.map((comment) => comment.id)).not.toContain(held.id);
      expect(JSON.stringify(await loadThread(hidden.id, viewer))).not.toContain("moderators will hide");
    }
    expect(await loadComment(held.id, ana.id)).toMatchObject({ state: "held", html: "<p>Waiting for review.</p>" });
    expect(await db.discussionEvent.count({ where: { commentId: held.id } })).toBe(0);
  });
});

describe("reading", () => {
  it("gives each reader the whole CommentView shape, built by PostgreSQL", async () => {
    const [ana, ben] = [await reader("ana"), await reader("ben")];
    const root = await post(ana, "The *whole* shape.");
    await waitOutFlood(ben);
    const reply = await post(ben, "A reply to be deleted.", { parentId: root.id });
    await deleteComment(ben.id, reply.id);
    const stored = await db.comment.findUniqueOrThrow({ where: { id: root.id } });

    expect(await loadComment(root.id, ana.id)).toStrictEqual({
      id: root.id,
      highlightId: null,
      parentId: null,
      rootId: root.id,
      depth: 0,
      state: "published",
      author: { handle: ana.handle, name: "ana" },
      html: "<p>The <em>whole</em> shape.</p>",
      source: "The *whole* shape.",
      hiddenReason: null,
      hiddenByReports: false,
      holdReasons: null,
      reviewWaitSeconds: null,
      edited: false,
      pinned: false,
      locked: false,
      upvotes: 0,
      voted: false,
      mine: true,
      replyCount: 1,
      passageQuote: null,
      createdAt: stored.createdAt.toISOString(),
    });
    const [asBen, tombstone] = await loadThread(root.id, ben.id);
    expect(asBen).toMatchObject({ source: null, mine: false, replyCount: 1 });
    expect(tombstone).toMatchObject({ id: reply.id, parentId: root.id, depth: 1, state: "deleted", author: null, html: null, source: null, mine: true });

    await db.user.update({ where: { id: ana.id }, data: { deletedAt: new Date() } });
    expect((await loadComment(root.id, null))!.author).toStrictEqual({ handle: "", name: DELETED_ACCOUNT_NAME });
  });

  it("loads a page of threads with their first replies and counts", async () => {
    const [ana, ben] = [await reader("ana"), await reader("ben")];
    const root = await post(ana, "A thread with replies.");
    let parent = root.id;
    for (let n = 0; n < 3; n++) {
      const author = n % 2 === 0 ? ben : ana;
      await waitOutFlood(author);
      parent = (await post(author, `Reply ${n}.`, { parentId: parent })).id;
    }
    const page = await loadDiscussion(essayId, null, { sort: "new", highlightId: null });
    const rootView = page.comments.find((comment) => comment.id === root.id)!;
    expect(rootView.replyCount).toBe(3);
    expect(page.comments.filter((comment) => comment.rootId === root.id)).toHaveLength(4);
  });
});
