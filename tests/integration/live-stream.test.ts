import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { GET as eventsGet } from "@/app/api/essays/[essayId]/events/route";
import { viewerFromToken, type Viewer } from "@/lib/auth/viewer";
import { createComment } from "@/lib/comments/create-comment";
import { deleteComment } from "@/lib/comments/delete-comment";
import { editComment } from "@/lib/comments/edit-comment";
import { hideComments } from "@/lib/moderation/hide-comments";
import { purgeComments } from "@/lib/moderation/purge-comments";
import { db, disconnectDb } from "@/lib/db/client";
import { createHighlight } from "@/lib/highlights/create-highlight";
import { getHighlight } from "@/lib/highlights/get-highlight";
import { deleteHighlight, restoreHighlight, updateHighlight } from "@/lib/highlights/update-highlight";
import { SOCKET_PEER_HEADER, socketPeerStamp } from "@/lib/http/socket-peer";
import { closeLimitStore } from "@/lib/rate-limit/store";
import { withDatabaseName } from "../support/database";
import { createTestEssay } from "../support/essays";
import { readSseFrames } from "../support/sse";

// The live stream under attack and under faults (issue 13: findings 1, 6, 7
// and 12), through the route handler itself, against the real database.

const drafts = [{ kind: "paragraph" as const, text: "A short essay about lighthouses and the people who kept them lit through the winter." }];
const CLIENT = "198.51.100.23";
let essayId: string;
let revisionId: string;
let essayText: string;
let counter = 0;
const opened: AbortController[] = [];

async function reader(label: string): Promise<Viewer> {
  counter += 1;
  const stamp = `${Date.now().toString(36)}${counter}`;
  const user = await db.user.create({ data: { emailVerified: new Date(), email: `${label}-${stamp}@example.test`, handle: `${label}-${stamp}`, name: label, createdAt: new Date("2026-01-01") } });
  return (await viewerFromToken({ uid: user.id, sv: 0 }))!;
}

async function latestEventId(): Promise<number> {
  return (await db.discussionEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
}

/** The headers that make a request come from `client`: the socket stamp clientIp reads, and X-Forwarded-For for an older clientIp. */
function from(client: string): Record<string, string> {
  return { "x-forwarded-for": client, [SOCKET_PEER_HEADER]: socketPeerStamp(client, "http") };
}

/** GET /api/essays/:id/events as an anonymous client at `client`; the stream is closed after the test. */
async function openStream(id: string, query = "", client = CLIENT, headers: Record<string, string> = {}): Promise<Response> {
  const abort = new AbortController();
  opened.push(abort);
  const request = new Request(`http://127.0.0.1:3000/api/essays/${encodeURIComponent(id)}/events${query}`, { headers: { ...from(client), ...headers }, signal: abort.signal });
  return eventsGet(request, { params: Promise.resolve({ essayId: id }) });
}

interface Received {
  id: number;
  kind: string;
  commentId: number | null;
  highlightId?: string | null;
}

/** Reads a stream's frames into a list as they arrive. */
function collect(response: Response): Received[] {
  const received: Received[] = [];
  void readSseFrames(response.body!, (frame) => {
    const id = /^id: (\d+)$/m.exec(frame)?.[1];
    const data = /^data: (.*)$/m.exec(frame)?.[1];
    if (id && data) received.push({ id: Number(id), ...(JSON.parse(data) as Omit<Received, "id">) });
  });
  return received;
}

beforeAll(async () => {
  ({ essayId, revisionId, text: essayText } = await createTestEssay("live", "Lighthouses", drafts));
});

afterEach(async () => {
  for (const abort of opened.splice(0)) abort.abort();
  // Let the streams' close handlers give their seats back before the next test counts them.
  await new Promise((resolve) => setTimeout(resolve, 50));
});

afterAll(async () => {
  const { closeListener } = await import("@/lib/live/listener").catch(() => ({ closeListener: undefined }));
  await closeListener?.();
  await closeLimitStore();
  await disconnectDb();
});

describe("opening a stream", () => {
  it("answers 404 for an essay that does not exist, and keeps no stream open for it", async () => {
    const unknown = await openStream("no-such-essay-0000000000");
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("content-type")).toContain("application/json");
    // An id that could not be an essay's (a NUL byte, a path) is refused before any query.
    expect((await openStream("bad\u0000id")).status).toBe(404);
    const { openStreamCount } = await import("@/lib/live/discussion-stream");
    const { streamGate } = await import("@/lib/live/stream-gate");
    expect(openStreamCount()).toEqual({ streams: 0, essays: 0 });
    expect(streamGate().count()).toBe(0);
  });

  it("refuses a client over its cap with 503 and Retry-After, and admits it again once one of its streams closes", async () => {
    const client = "198.51.100.77";
    // Open streams from one address until one is refused (the cap is 32; a flood used to be admitted without end).
    let refused: Response | null = null;
    for (let index = 0; index < 100 && !refused; index++) {
      const response = await openStream(essayId, "", client);
      if (response.status !== 200) refused = response;
    }
    expect(refused?.status).toBe(503);
    expect(Number(refused!.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused!.json()) as { error: { code: string } }).error.code).toBe("UNAVAILABLE");
    // Another client is not affected.
    expect((await openStream(essayId, "", "198.51.100.78")).status).toBe(200);
    opened[0]!.abort();
    await expect.poll(async () => (await openStream(essayId, "", client)).status, { timeout: 2_000 }).toBe(200);
  });

  it("enforces the instance-wide cap across clients", async () => {
    const { openDiscussionStream } = await import("@/lib/live/open-discussion-stream");
    const { ROUTE_STREAM_SEATS, StreamGate } = await import("@/lib/live/stream-gate");
    // Room for three streams through the route handler, each ROUTE_STREAM_SEATS seats.
    const gate = new StreamGate({ perClient: 10, global: 3 * ROUTE_STREAM_SEATS });
    const abort = new AbortController();
    opened.push(abort);
    const open = (client: string) => openDiscussionStream(new Request(`http://127.0.0.1/api/essays/${essayId}/events`, { headers: from(client), signal: abort.signal }), { essayId }, gate);
    for (const client of ["192.0.2.1", "192.0.2.2", "192.0.2.3"]) expect((await open(client)).status).toBe(200);
    await expect(open("192.0.2.4")).rejects.toMatchObject({ code: "UNAVAILABLE", retryAfterSeconds: expect.any(Number) });
    // A refused request leaves the count as it was.
    expect(gate.count()).toBe(3 * ROUTE_STREAM_SEATS);
    abort.abort();
    await expect.poll(() => gate.count()).toBe(0);
  });

  it("clamps a position beyond the log to its newest event, so the stream still delivers", async () => {
    const ana = await reader("ana");
    const beyond = (await latestEventId()) + 1_000;
    const response = await openStream(essayId, `?after=${beyond}`);
    expect(response.status).toBe(200);
    const received = collect(response);
    const comment = await createComment(ana, essayId, { body: "Delivered to a client that claimed to be ahead of the log." });
    await expect.poll(() => received.map((event) => event.commentId), { timeout: 3_000 }).toContain(comment.id);
  });

  it("refuses or clamps a position past int4, and refuses one that is not a number", async () => {
    const ben = await reader("ben");
    const huge = await openStream(essayId, "?after=2147483648");
    if (huge.status === 200) {
      const received = collect(huge);
      const comment = await createComment(ben, essayId, { body: "Delivered after a position past int4." });
      await expect.poll(() => received.map((event) => event.commentId), { timeout: 3_000 }).toContain(comment.id);
    } else {
      expect(huge.status).toBe(422);
    }
    for (const bad of ["?after=-1", "?after=1e3", "?after=99999999999999999999"]) expect((await openStream(essayId, bad)).status).toBe(422);
    expect((await openStream(essayId, "", CLIENT, { "last-event-id": "not-a-number" })).status).toBe(422);
  });
});

describe("what a stream carries", () => {
  it("does not tell an anonymous stream about edits to a held comment", async () => {
    const author = await reader("held-author");
    await db.essay.update({ where: { id: essayId }, data: { preModeration: "ALL" } });
    const held = await createComment(author, essayId, { body: "Waiting for a moderator." });
    await db.essay.update({ where: { id: essayId }, data: { preModeration: "OFF" } });
    expect((await db.comment.findUniqueOrThrow({ where: { id: held.id } })).status).toBe("HELD");

    const received = collect(await openStream(essayId, `?after=${await latestEventId()}`));
    await editComment(author, held.id, "Still waiting for a moderator, reworded.");
    // A public change afterwards: once it has arrived, anything before it would have too.
    const other = await reader("other");
    const visible = await createComment(other, essayId, { body: "A published comment." });
    await expect.poll(() => received.map((event) => event.commentId), { timeout: 3_000 }).toContain(visible.id);
    expect(received.map((event) => event.commentId)).not.toContain(held.id);
    expect(await db.discussionEvent.count({ where: { commentId: held.id } })).toBe(0);
  });

  it("records nothing when a held comment is deleted by its author or hidden or purged by the staff", async () => {
    const author = await reader("held-deleter");
    const staff = (await viewerFromToken({
      uid: (await db.user.create({ data: { emailVerified: new Date(), handle: `held-admin-${Date.now().toString(36)}`, name: "Admin", role: "ADMIN" } })).id,
      sv: 0,
    }))!;
    await db.essay.update({ where: { id: essayId }, data: { preModeration: "ALL" } });
    const deleted = await createComment(author, essayId, { body: "Held, then deleted by its author." });
    await db.$executeRaw`DELETE FROM rate_limits WHERE key LIKE ${"%" + author.id}`;
    const hidden = await createComment(author, essayId, { body: "Held, then hidden by a moderator." });
    await db.$executeRaw`DELETE FROM rate_limits WHERE key LIKE ${"%" + author.id}`;
    const purged = await createComment(author, essayId, { body: "Held, then purged by an admin." });
    await db.essay.update({ where: { id: essayId }, data: { preModeration: "OFF" } });
    await deleteComment(author.id, deleted.id);
    await hideComments(staff, [hidden.id], "Not for this discussion.");
    await purgeComments(staff, [purged.id], "Not for this discussion.");
    expect(await db.discussionEvent.count({ where: { commentId: { in: [deleted.id, hidden.id, purged.id] } } })).toBe(0);
  });
});

describe("highlights on the stream", () => {
  const passage = (words: string) => {
    const start = essayText.indexOf(words);
    return { revisionId, start, end: start + words.length, exact: words, colour: "yellow" as const, note: null };
  };

  it("announces public highlights by id, and never a private one, not even its id, through anything its author does to it", async () => {
    const author = await reader("hl-author");
    const stranger = await reader("hl-stranger");
    const received = collect(await openStream(essayId, `?after=${await latestEventId()}`));
    const secret = await createHighlight(author.id, essayId, { ...passage("lighthouses"), visibility: "private" });
    await updateHighlight(author.id, secret.id, { colour: "green", note: "Only for me." });
    await deleteHighlight(author.id, secret.id);
    await restoreHighlight(author.id, secret.id);
    // A public change afterwards: once it has arrived, anything before it would have too.
    const shared = await createHighlight(author.id, essayId, { ...passage("kept them lit"), visibility: "public" });
    await expect.poll(() => received.map((event) => event.highlightId), { timeout: 3_000 }).toContain(shared.id);
    expect(received.find((event) => event.highlightId === shared.id)).toMatchObject({ kind: "highlight", commentId: null });
    expect(JSON.stringify(received)).not.toContain(secret.id);
    expect(await db.discussionEvent.count({ where: { highlightId: secret.id } })).toBe(0);
    // What the client fetches for an id shows the same: a stranger (or nobody) gets 404 for the private one.
    await expect(getHighlight(secret.id, stranger.id)).rejects.toMatchObject({ status: 404 });
    await expect(getHighlight(secret.id, null)).rejects.toMatchObject({ status: 404 });
    expect((await getHighlight(secret.id, author.id)).visibility).toBe("private");
    expect((await getHighlight(shared.id, null)).id).toBe(shared.id);
  });

  it("announces a public highlight going private or away, so other readers' pages remove it", async () => {
    const author = await reader("hl-leaver");
    const shared = await createHighlight(author.id, essayId, { ...passage("through the winter"), visibility: "public" });
    const received = collect(await openStream(essayId, `?after=${await latestEventId()}`));
    await updateHighlight(author.id, shared.id, { visibility: "private" });
    await expect.poll(() => received.filter((event) => event.highlightId === shared.id).length, { timeout: 3_000 }).toBe(1);
    await expect(getHighlight(shared.id, null)).rejects.toMatchObject({ status: 404 });
    // Private now: changing and deleting it records nothing more.
    await updateHighlight(author.id, shared.id, { colour: "blue" });
    await deleteHighlight(author.id, shared.id);
    const marker = await createHighlight(author.id, essayId, { ...passage("A short essay"), visibility: "public" });
    await expect.poll(() => received.map((event) => event.highlightId), { timeout: 3_000 }).toContain(marker.id);
    expect(received.filter((event) => event.highlightId === shared.id)).toHaveLength(1);
  });
});

describe("faults", () => {
  it("answers a committed comment with success even when its announcement fails, and still tells this instance's streams", async () => {
    // NOTIFY refuses payloads of 8,000 bytes or more: an essay id that long
    // makes the announcement fail after the comment has committed.
    const longId = `e${"x".repeat(8_100)}`;
    await db.essay.create({ data: { id: longId, slug: `live-long-${Date.now()}` } });
    const { discussionStream } = await import("@/lib/live/discussion-stream");
    const abort = new AbortController();
    opened.push(abort);
    const received = collect(new Response(discussionStream(longId, await latestEventId(), abort.signal)));
    const author = await reader("unannounced");
    const comment = await createComment(author, longId, { body: "Committed, though nobody could be told over NOTIFY." });
    expect(await db.comment.findUnique({ where: { id: comment.id }, select: { id: true } })).toEqual({ id: comment.id });
    await expect.poll(() => received.map((event) => event.commentId), { timeout: 3_000 }).toContain(comment.id);
  });

  it("reconnects the listener after its database connection drops, and open streams catch up from the log", async () => {
    const url = inject("databaseUrl");
    const database = decodeURIComponent(new URL(url).pathname.slice(1));
    const before = collect(await openStream(essayId, `?after=${await latestEventId()}`));
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    // ALLOW_CONNECTIONS cannot be changed from a connection to the database itself.
    const server = new pg.Client({ connectionString: withDatabaseName(url, "postgres") });
    await server.connect();
    const listenerPid = async () =>
      (await admin.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN glossa_discussion%' AND pid <> pg_backend_pid()`)).rows.map(
        (row) => row.pid,
      );
    const cy = await reader("cy");
    let unheard: number;
    try {
      await expect.poll(listenerPid, { timeout: 5_000 }).toHaveLength(1);
      // Drop the LISTEN connection, and refuse new connections for a while so
      // the first attempts to reconnect fail, as they do while a server restarts.
      await server.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN glossa_discussion%'`);
      await expect.poll(listenerPid, { timeout: 5_000 }).toHaveLength(0);
      // Written meanwhile (on connections the pool already holds): its NOTIFY reaches no listener.
      unheard = (await createComment(cy, essayId, { body: "Written while no listener was connected." })).id;
      await new Promise((resolve) => setTimeout(resolve, 2_500));
    } finally {
      await server.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`);
      await server.end();
    }
    try {
      // The stream open throughout gets it once the listener is back (within the backoff), with nothing else written.
      await expect.poll(() => before.map((event) => event.commentId), { timeout: 15_000, interval: 200 }).toContain(unheard);
      await expect.poll(listenerPid, { timeout: 5_000 }).toHaveLength(1);
      const comment = await createComment(await reader("cy2"), essayId, { body: "Written after the listener came back." });
      await expect.poll(() => before.map((event) => event.commentId), { timeout: 5_000 }).toContain(comment.id);
      // A stream opened now works too.
      const after = await openStream(essayId, `?after=${await latestEventId()}`);
      expect(after.status).toBe(200);
      const fresh = collect(after);
      const next = await createComment(await reader("dee"), essayId, { body: "And one more." });
      await expect.poll(() => fresh.map((event) => event.commentId), { timeout: 5_000 }).toContain(next.id);
    } finally {
      await admin.end();
    }
  });
});
