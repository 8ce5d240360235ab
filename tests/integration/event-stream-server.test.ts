import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { SESSION_COOKIE } from "@/lib/auth/config";
import { viewerFromToken } from "@/lib/auth/viewer";
import { createComment } from "@/lib/comments/create-comment";
import { db, disconnectDb } from "@/lib/db/client";
import { installEventStreamServer } from "@/lib/live/event-stream-server";
import { closeListener } from "@/lib/live/listener";
import { PER_CLIENT_STREAMS, streamGate } from "@/lib/live/stream-gate";
import { openBellCount } from "@/lib/notifications/bell-stream";
import { markNotificationsRead } from "@/lib/notifications/notifications";
import { closeLimitStore } from "@/lib/rate-limit/store";
import { createTestEssay } from "../support/essays";

// Event streams served on the Node HTTP server below Next (what `next start`
// runs with instrumentation.ts): a real server on a real port, a plain
// handler standing in for Next behind it.

let essayId: string;
let server: http.Server;
let port: number;
const reachedNext: string[] = [];
const open: http.ClientRequest[] = [];

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Everything received so far (a stream keeps growing). */
  body: () => string;
}

function get(path: string, options: { localAddress?: string; headers?: Record<string, string>; method?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port, path, method: options.method ?? "GET", localAddress: options.localAddress, headers: options.headers, agent: false }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      resolve({ status: response.statusCode ?? 0, headers: response.headers, body: () => body });
    });
    request.on("error", reject);
    request.end();
    open.push(request);
  });
}

const SECRET = "event-server-test-secret-event-server-test-secret";

beforeAll(async () => {
  process.env.AUTH_SECRET = SECRET;
  ({ essayId } = await createTestEssay("event-server", "Tides", [{ kind: "paragraph", text: "A short essay about tides, and the tables sailors kept of them." }]));
  installEventStreamServer();
  server = http.createServer((request, response) => {
    reachedNext.push(`${request.method} ${request.url}`);
    response.end("next");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  for (const request of open) request.destroy();
  await new Promise((resolve) => server.close(resolve));
  await closeListener();
  await closeLimitStore();
  await disconnectDb();
});

describe("event streams below Next", () => {
  it("streams an essay's events, with the API's security headers", async () => {
    const latest = (await db.discussionEvent.aggregate({ _max: { id: true } }))._max.id ?? 0;
    const answer = await get(`/api/essays/${essayId}/events?after=${latest}`, { headers: { accept: "text/event-stream" } });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toContain("text/event-stream");
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    expect(answer.headers["content-security-policy"]).toContain("default-src 'none'");
    const user = await db.user.create({
      data: { emailVerified: new Date(), email: `tide-${Date.now()}@example.test`, handle: `tide-${Date.now().toString(36)}`, name: "Tide", createdAt: new Date("2026-01-01") },
    });
    const comment = await createComment((await viewerFromToken({ uid: user.id, sv: 0 }))!, essayId, { body: "High water at noon." });
    await expect.poll(() => answer.body(), { timeout: 3_000 }).toContain(`"commentId":${comment.id}`);
    expect(reachedNext).toEqual([]);
  });

  it("answers 404 for an unknown essay without reaching Next, and leaves every other request to it", async () => {
    const unknown = await get("/api/essays/no-such-essay/events");
    expect(unknown.status).toBe(404);
    expect(unknown.headers["content-type"]).toContain("application/json");
    expect((await get("/api/essays/%E0%A4%A/events")).status).toBe(404);
    await get(`/api/essays/${essayId}/events?after=0`, { headers: { accept: "application/json" } });
    await get(`/api/essays/${essayId}/events`, { method: "POST" });
    await get(`/api/essays/${essayId}/discussion`);
    expect(reachedNext).toEqual([`GET /api/essays/${essayId}/events?after=0`, `POST /api/essays/${essayId}/events`, `GET /api/essays/${essayId}/discussion`]);
  });

  it("counts streams per socket address: over the cap, 503 with Retry-After; another address is not affected; closing gives seats back", async () => {
    const before = streamGate().count();
    const held: Answer[] = [];
    for (let index = 0; index < PER_CLIENT_STREAMS; index++) held.push(await get(`/api/essays/${essayId}/events`, { localAddress: "127.0.5.1" }));
    expect(held.every((answer) => answer.status === 200)).toBe(true);
    // A forged X-Forwarded-For does not make the same socket another client.
    const refused = await get(`/api/essays/${essayId}/events`, { localAddress: "127.0.5.1", headers: { "x-forwarded-for": "203.0.113.9" } });
    expect(refused.status).toBe(503);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect((await get(`/api/essays/${essayId}/events`, { localAddress: "127.0.5.2" })).status).toBe(200);
    expect(streamGate().count()).toBe(before + PER_CLIENT_STREAMS + 1);
    for (const request of open.splice(0)) request.destroy();
    await expect.poll(() => streamGate().count(), { timeout: 2_000 }).toBe(0);
  });

  it("serves a signed-in reader's bell through its contract's guard, and refuses a signed-out one, without reaching Next", async () => {
    const user = await db.user.create({
      data: { emailVerified: new Date(), email: `bell-${Date.now()}@example.test`, handle: `bell-${Date.now().toString(36)}`, name: "Bell", createdAt: new Date("2026-01-01") },
    });
    const cookie = `${SESSION_COOKIE}=${await encode({ token: { uid: user.id, sv: user.sessionVersion }, secret: SECRET })}`;
    const nextBefore = reachedNext.length;
    expect((await get("/api/notifications/events")).status).toBe(401);
    const bell = await get("/api/notifications/events", { headers: { cookie, accept: "text/event-stream" } });
    expect(bell.status).toBe(200);
    expect(bell.headers["x-content-type-options"]).toBe("nosniff");
    await expect.poll(() => bell.body(), { timeout: 3_000 }).toContain('event: notifications\ndata: {"unread":0,"latestId":0}');
    const notice = await db.notification.create({ data: { userId: user.id, kind: "MODERATION", message: "A note from the moderators." } });
    await expect.poll(() => bell.body(), { timeout: 3_000 }).toContain(`{"unread":1,"latestId":${notice.id}}`);
    await markNotificationsRead(user.id, [notice.id]);
    await expect.poll(() => bell.body(), { timeout: 3_000 }).toContain(`{"unread":0,"latestId":${notice.id}}`);
    await get("/api/notifications/events", { headers: { cookie }, method: "POST" });
    expect(reachedNext.slice(nextBefore)).toEqual(["POST /api/notifications/events"]);
    for (const request of open.splice(0)) request.destroy();
    await expect.poll(() => openBellCount().streams, { timeout: 2_000 }).toBe(0);
  });
});
