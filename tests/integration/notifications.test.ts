import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { viewerFromToken, type Viewer } from "@/lib/auth/viewer";
import { createComment } from "@/lib/comments/create-comment";
import { db, disconnectDb } from "@/lib/db/client";
import { mentionedHandles } from "@/lib/notifications/mentions";
import { listNotifications, unreadSummary } from "@/lib/notifications/notifications";
import { openNotification } from "@/lib/notifications/open-notification";
import { setThreadWatch, threadWatches } from "@/lib/notifications/thread-subscription";
import { closeLimitStore } from "@/lib/rate-limit/store";
import { searchHandles } from "@/lib/users/search-handles";
import { createTestEssay } from "../support/essays";

let essayId: string;
let counter = 0;
const stamp = Date.now().toString(36);

function account(label: string, extra: { standing?: "BANNED" } = {}) {
  counter += 1;
  return db.user.create({
    data: {
      emailVerified: new Date(),
      email: `${label}-${counter}-${stamp}@example.test`,
      handle: `${label}${counter}-${stamp}`,
      name: `Reader ${label}`,
      createdAt: new Date("2026-01-01"),
      ...extra,
    },
  });
}

async function reader(label: string): Promise<Viewer> {
  return (await viewerFromToken({ uid: (await account(label)).id, sv: 0 }))!;
}

/** A banned account: no session, but a handle someone may type. */
const bannedAccount = (label: string) => account(label, { standing: "BANNED" });

/** Forgets every flood counter, standing in for the seconds a real reader waits between comments. */
async function waitOutFlood() {
  await db.$executeRaw`DELETE FROM rate_limits`;
}

async function post(viewer: Viewer, body: string, parentId?: number) {
  await waitOutFlood();
  return createComment(viewer, essayId, { body, ...(parentId ? { parentId } : {}) });
}

const noticesOf = (userId: string) => db.notification.findMany({ where: { userId }, orderBy: { id: "asc" } });

beforeAll(async () => {
  ({ essayId } = await createTestEssay("notifications", "Harbour Lights", [{ kind: "paragraph", text: "A short essay about harbour lights and who keeps them lit." }]));
});

afterAll(async () => {
  await closeLimitStore();
  await disconnectDb();
});

describe("mentions", () => {
  it("reads handles outside code, once each, at most five", () => {
    expect(mentionedHandles("Hi @Ana and @ana, see `@bob` and me@example.com, @cyd!")).toEqual(["ana", "cyd"]);
    expect(mentionedHandles("@aaa @bbb @ccc @ddd @eee @fff @ggg")).toHaveLength(5);
  });

  it("notifies existing readers it names, never the author, nor banned readers, and names the essay", async () => {
    const [ana, ben, banned] = [await reader("ana"), await reader("ben"), await bannedAccount("ban")];
    const comment = await post(ana, `Agreed with @${ben.handle}, and @${ana.handle} (me), @${banned.handle} and @nobody-${stamp}.`);
    const notices = await noticesOf(ben.id);
    expect(notices).toMatchObject([{ kind: "MENTION", commentId: comment.id, essayId, readAt: null }]);
    expect(notices[0]!.message).toContain(`@${ana.handle}) mentioned you`);
    expect(await noticesOf(ana.id)).toEqual([]);
    expect(await noticesOf(banned.id)).toEqual([]);
    const [view] = await listNotifications(ben.id);
    expect(view).toMatchObject({ essayTitle: "Harbour Lights", href: expect.stringMatching(new RegExp(`/comments/${comment.id}$`)) });
  });

  it("a reply that also mentions the parent's author notifies them once", async () => {
    const [ana, ben] = [await reader("ana"), await reader("ben")];
    const root = await post(ana, "A thought about lighthouses.");
    await post(ben, `@${ana.handle} I disagree.`, root.id);
    expect((await noticesOf(ana.id)).map((notice) => notice.kind)).toEqual(["REPLY"]);
  });
});

describe("watch and mute", () => {
  it("mute suppresses reply notifications; watch notifies of every reply in the thread", async () => {
    const [ana, ben, cy, dee] = [await reader("ana"), await reader("ben"), await reader("cy"), await reader("dee")];
    const root = await post(ana, "Who keeps the lights lit?");
    await setThreadWatch(ana.id, root.id, "mute");
    await setThreadWatch(dee.id, root.id, "watch");
    const reply = await post(ben, "The keepers do.", root.id);
    expect(await noticesOf(ana.id)).toEqual([]);
    await post(cy, "Not any more: they are automatic.", reply.id);
    // Ben is told of the reply to him; Dee, watching, of both; Ana, muted, of neither.
    expect((await noticesOf(ben.id)).map((notice) => notice.kind)).toEqual(["REPLY"]);
    expect(await noticesOf(dee.id)).toHaveLength(2);
    expect(await noticesOf(ana.id)).toEqual([]);
    expect(await threadWatches(ana.id, [root.id])).toEqual({ [root.id]: "mute" });

    await setThreadWatch(ana.id, root.id, "default");
    await post(ben, "Fair point.", root.id);
    expect(await noticesOf(ana.id)).toHaveLength(1);
    expect(await threadWatches(ana.id, [root.id])).toEqual({});
  });

  it("only a visible thread's first comment can be watched", async () => {
    const [ana, ben] = [await reader("ana"), await reader("ben")];
    const root = await post(ana, "A root.");
    const reply = await post(ben, "A reply.", root.id);
    await expect(setThreadWatch(ben.id, reply.id, "watch")).rejects.toMatchObject({ code: "NOT_FOUND" });
    await db.comment.update({ where: { id: root.id }, data: { status: "HIDDEN" } });
    await expect(setThreadWatch(ben.id, root.id, "watch")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("opening", () => {
  it("marks the notification read on the server and answers where it points", async () => {
    const [ana, ben] = [await reader("ana"), await reader("ben")];
    const root = await post(ana, "Open me.");
    const reply = await post(ben, "Opened.", root.id);
    const [notice] = await noticesOf(ana.id);
    expect(await unreadSummary(ana.id)).toEqual({ unread: 1, latestId: notice!.id });
    const { href } = await openNotification(ana.id, notice!.id);
    expect(href).toMatch(new RegExp(`/comments/${reply.id}$`));
    expect(await unreadSummary(ana.id)).toEqual({ unread: 0, latestId: notice!.id });
  });
});

describe("private stays private", () => {
  it("no one opens another reader's notification, and watches are read per reader", async () => {
    const [ana, ben, eve] = [await reader("ana"), await reader("ben"), await reader("eve")];
    const root = await post(ana, "Mine.");
    await post(ben, "A reply.", root.id);
    const [notice] = await noticesOf(ana.id);
    await expect(openNotification(eve.id, notice!.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await db.notification.findUniqueOrThrow({ where: { id: notice!.id } })).readAt).toBeNull();
    await setThreadWatch(ana.id, root.id, "watch");
    expect(await threadWatches(eve.id, [root.id])).toEqual({});
  });

  it("a held comment notifies nobody it replies to or mentions", async () => {
    const [ana, ben, cy] = [await reader("ana"), await reader("ben"), await reader("cy")];
    const root = await post(ana, "Public root.");
    await setThreadWatch(cy.id, root.id, "watch");
    await db.essay.update({ where: { id: essayId }, data: { preModeration: "ALL" } });
    try {
      const held = await post(ben, `Waiting for review, @${cy.handle}.`, root.id);
      expect(held.state).toBe("held");
    } finally {
      await db.essay.update({ where: { id: essayId }, data: { preModeration: "OFF" } });
    }
    expect(await noticesOf(ana.id)).toEqual([]);
    expect(await noticesOf(cy.id)).toEqual([]);
  });

  it("the handle search shows handle and name only, and leaves banned readers out", async () => {
    const [ana, banned] = [await reader("srch"), await bannedAccount("srch")];
    const found = await searchHandles(`SRCH`);
    expect(found.some((match) => match.handle === ana.handle)).toBe(true);
    expect(found.some((match) => match.handle === banned.handle)).toBe(false);
    for (const match of found) expect(Object.keys(match).sort()).toEqual(["handle", "name"]);
  });
});
