import { encode } from "next-auth/jwt";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as bellGet } from "@/app/api/notifications/events/route";
import { signOutEverywhere } from "@/lib/auth/account-settings";
import { SESSION_COOKIE } from "@/lib/auth/config";
import { viewerFromToken, type Viewer } from "@/lib/auth/viewer";
import { createComment } from "@/lib/comments/create-comment";
import { db, disconnectDb } from "@/lib/db/client";
import { SOCKET_PEER_HEADER, socketPeerStamp } from "@/lib/http/socket-peer";
import { closeListener } from "@/lib/live/listener";
import { openBellCount } from "@/lib/notifications/bell-stream";
import { markNotificationsRead } from "@/lib/notifications/notifications";
import { closeLimitStore } from "@/lib/rate-limit/store";
import { createTestEssay } from "../support/essays";
import { readSseFrames } from "../support/sse";

// The reader's live bell (issue 14, item 5) through its route handler, with
// the database's own triggers announcing each change: nothing here calls the
// stream; the writes are the app's own.

const SECRET = "bell-stream-test-secret-bell-stream-test-secret";
let essayId: string;
let counter = 0;
const opened: AbortController[] = [];

interface Reader {
  viewer: Viewer;
  cookie: string;
}

async function reader(label: string): Promise<Reader> {
  counter += 1;
  const stamp = `${Date.now().toString(36)}${counter}`;
  const user = await db.user.create({ data: { emailVerified: new Date(), email: `${label}-${stamp}@example.test`, handle: `${label}-${stamp}`, name: label, createdAt: new Date("2026-01-01") } });
  const token = await encode({ token: { uid: user.id, sv: user.sessionVersion }, secret: SECRET });
  return { viewer: (await viewerFromToken({ uid: user.id, sv: user.sessionVersion }))!, cookie: `${SESSION_COOKIE}=${token}` };
}

interface Bell {
  response: Response;
  /** Every `notifications` frame received so far. */
  frames: { unread: number; latestId: number }[];
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
}

async function openBell(cookie: string | null): Promise<Bell> {
  const abort = new AbortController();
  opened.push(abort);
  const headers: Record<string, string> = { accept: "text/event-stream", [SOCKET_PEER_HEADER]: socketPeerStamp(`198.51.100.${60 + opened.length}`, "http") };
  if (cookie) headers.cookie = cookie;
  const response = await bellGet(new Request("http://127.0.0.1:3000/api/notifications/events", { headers, signal: abort.signal }), { params: Promise.resolve({}) });
  const frames: Bell["frames"] = [];
  if (response.status !== 200) return { response, frames, ended: Promise.resolve() };
  const ended = readSseFrames(response.body!, (frame) => {
    const data = /^event: notifications\ndata: (.*)$/m.exec(frame)?.[1];
    if (data) frames.push(JSON.parse(data) as Bell["frames"][number]);
  });
  return { response, frames, ended };
}

async function reply(author: Reader, parentId: number, body: string) {
  await db.$executeRaw`DELETE FROM rate_limits`;
  return createComment(author.viewer, essayId, { body, parentId });
}

beforeAll(async () => {
  process.env.AUTH_SECRET = SECRET;
  ({ essayId } = await createTestEssay("bell", "Foghorns", [{ kind: "paragraph", text: "A short essay about foghorns, and the coasts that learned to hear them." }]));
});

afterEach(async () => {
  for (const abort of opened.splice(0)) abort.abort();
  await new Promise((resolve) => setTimeout(resolve, 50));
});

afterAll(async () => {
  await closeListener();
  await closeLimitStore();
  await disconnectDb();
});

describe("the live bell", () => {
  it("refuses a signed-out caller with 401", async () => {
    const bell = await openBell(null);
    expect(bell.response.status).toBe(401);
  });

  it("sends the summary on open, then again when a reply arrives and when it is read, and nothing about anyone else", async () => {
    const ada = await reader("ada");
    const bo = await reader("bo");
    const cy = await reader("cy");
    await db.$executeRaw`DELETE FROM rate_limits`;
    const root = await createComment(ada.viewer, essayId, { body: "The foghorn at Point Reyes sounded for forty years." });
    const bell = await openBell(ada.cookie);
    expect(bell.response.status).toBe(200);
    expect(bell.response.headers.get("content-type")).toContain("text/event-stream");
    await expect.poll(() => bell.frames, { timeout: 3_000 }).toEqual([{ unread: 0, latestId: 0 }]);

    const answer = await reply(bo, root.id, "And the keepers logged every hour of it.");
    const notice = await db.notification.findFirstOrThrow({ where: { userId: ada.viewer.id, commentId: answer.id } });
    await expect.poll(() => bell.frames.at(-1), { timeout: 3_000 }).toEqual({ unread: 1, latestId: notice.id });

    // Another reader's notifications reach only their own bell.
    const cyRoot = await (async () => {
      await db.$executeRaw`DELETE FROM rate_limits`;
      return createComment(cy.viewer, essayId, { body: "Fog signals changed how harbours were built." });
    })();
    await reply(bo, cyRoot.id, "Breakwaters, mostly.");
    expect(await db.notification.count({ where: { userId: cy.viewer.id } })).toBe(1);

    // Read in another tab: this bell hears it too.
    expect(await markNotificationsRead(ada.viewer.id, "all")).toBe(1);
    await expect.poll(() => bell.frames.at(-1), { timeout: 3_000 }).toEqual({ unread: 0, latestId: notice.id });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bell.frames).toEqual([
      { unread: 0, latestId: 0 },
      { unread: 1, latestId: notice.id },
      { unread: 0, latestId: notice.id },
    ]);
  });

  it("serves every tab of a reader from one feed, and closes them all when the session ends", async () => {
    const dee = await reader("dee");
    const tabs = [await openBell(dee.cookie), await openBell(dee.cookie)];
    for (const tab of tabs) await expect.poll(() => tab.frames.length, { timeout: 3_000 }).toBe(1);
    expect(openBellCount().readers).toBeGreaterThanOrEqual(1);
    await signOutEverywhere(dee.viewer.id);
    await Promise.all(tabs.map((tab) => tab.ended));
    // The old cookie no longer opens a bell.
    expect((await openBell(dee.cookie)).response.status).toBe(401);
  });

  it("closes a banned reader's bell", async () => {
    const eve = await reader("eve");
    const bell = await openBell(eve.cookie);
    await expect.poll(() => bell.frames.length, { timeout: 3_000 }).toBe(1);
    await db.user.update({ where: { id: eve.viewer.id }, data: { standing: "BANNED" } });
    await bell.ended;
    expect((await openBell(eve.cookie)).response.status).toBe(403);
  });
});
