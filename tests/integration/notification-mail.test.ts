import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as unsubscribePost } from "@/app/api/mail/unsubscribe/route";
import { viewerFromToken, type Viewer } from "@/lib/auth/viewer";
import { createComment } from "@/lib/comments/create-comment";
import { db, disconnectDb } from "@/lib/db/client";
import { deliverDueMail, runOutboxWorker } from "@/lib/mail/outbox-worker";
import { createSendMail } from "@/lib/mail/transport";
import { hideComments } from "@/lib/moderation/hide-comments";
import { composeNotificationMail } from "@/lib/notifications/compose-notification-mail";
import { sendDueDigests } from "@/lib/notifications/send-digests";
import { unsubscribeToken } from "@/lib/notifications/unsubscribe-token";
import { closeLimitStore } from "@/lib/rate-limit/store";
import { createTestEssay } from "../support/essays";
import { startMailServer, type TestMailServer } from "../support/mail-server";

// Notifications by mail, against a real SMTP server: who gets what, once,
// with one-click unsubscribe; what never leaves; the daily digest.

const ORIGIN = "https://glossa.example";
let smtp: TestMailServer;
let essay: { essayId: string; slug: string };
let otherEssay: { essayId: string; slug: string };
let counter = 0;

async function reader(label: string, data: Record<string, unknown> = {}): Promise<Viewer & { email: string }> {
  counter += 1;
  const email = `${label}-${counter}-${Date.now().toString(36)}@example.test`;
  const user = await db.user.create({
    data: { emailVerified: new Date(), email, handle: `${label}-${counter}-${Date.now().toString(36)}`.slice(0, 30), name: label, createdAt: new Date("2026-01-01"), ...data },
  });
  return { ...(await viewerFromToken({ uid: user.id, sv: 0 }))!, email };
}

async function post(viewer: Viewer, body: string, parentId?: number, on = essay.essayId) {
  await db.$executeRaw`DELETE FROM rate_limits WHERE key LIKE ${"%" + viewer.id}`;
  return createComment(viewer, on, { body, parentId });
}

/** What the mailer and the outbox do in one worker pass, to the test server. */
async function mailNow(): Promise<void> {
  while ((await composeNotificationMail(ORIGIN)).decided > 0);
  await deliverDueMail(createSendMail(smtp.url));
}

async function slugOf(essayId: string) {
  return (await db.essay.findUniqueOrThrow({ where: { id: essayId } })).slug;
}

beforeAll(async () => {
  process.env.AUTH_SECRET ??= "notification-mail-test-secret-notification-mail";
  smtp = await startMailServer();
  const made = await createTestEssay("mail", "Ferries at dawn", [{ kind: "paragraph", text: "Slower boats, run more often, serve riders better." }]);
  const other = await createTestEssay("mail-other", "Tide tables", [{ kind: "paragraph", text: "The tide decides the timetable, not the operator." }]);
  essay = { essayId: made.essayId, slug: await slugOf(made.essayId) };
  otherEssay = { essayId: other.essayId, slug: await slugOf(other.essayId) };
});

beforeEach(async () => {
  // Notices other test files left undecided are not this file's to mail.
  await db.notification.updateMany({ where: { mailState: "PENDING" }, data: { mailState: "SKIPPED" } });
  await db.mailMessage.deleteMany({});
});

afterAll(async () => {
  await smtp.stop();
  await closeLimitStore();
  await disconnectDb();
});

describe("a reply by mail", () => {
  it("is mailed once with two instances' workers running, with text and HTML parts, the permalink and one-click unsubscribe", async () => {
    const ana = await reader("ana");
    const ben = await reader("ben");
    const root = await post(ana, "Mail me the replies.");
    const replies = [];
    for (let index = 0; index < 5; index++) replies.push(await post(ben, `Reply number ${index} to Ana.`, root.id));

    const workers = [runOutboxWorker(createSendMail(smtp.url), 50, ORIGIN), runOutboxWorker(createSendMail(smtp.url), 50, ORIGIN)];
    try {
      await expect.poll(() => smtp.to(ana.email).length, { timeout: 15_000 }).toBe(5);
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
    const mails = smtp.to(ana.email);
    expect(mails).toHaveLength(5);
    expect(new Set(mails.map((mail) => mail.messageId)).size).toBe(5);
    const first = mails.find((mail) => mail.text?.includes("Reply number 0"))!;
    expect(first.subject).toBe("New reply to you on “Ferries at dawn”");
    expect(first.text).toContain(`ben (@${ben.handle}) replied: Reply number 0 to Ana.`);
    expect(first.text).toContain(`${ORIGIN}/essays/${essay.slug}/comments/${replies[0]!.id}`);
    expect(first.html).toContain(`href="${ORIGIN}/essays/${essay.slug}/comments/${replies[0]!.id}"`);
    // mailparser folds the List-* headers into one structure; the lines show them as sent.
    expect(first.headerLines.find((line) => line.key === "list-unsubscribe-post")?.line).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(first.headerLines.find((line) => line.key === "list-unsubscribe")?.line).toContain(`${ORIGIN}/api/mail/unsubscribe?token=`);
    expect(await db.notification.count({ where: { userId: ana.id, mailState: "MAILED" } })).toBe(5);
    // The replier is never mailed about their own replies.
    expect(smtp.to(ben.email)).toHaveLength(0);
  });

  it("goes only to a confirmed address that asked for it, never about a hidden comment, never twice when the notice was read", async () => {
    const unconfirmed = await reader("una");
    const off = await reader("otto", { mailReplies: "OFF" });
    const hidden = await reader("hedy");
    const read = await reader("rea");
    const ben = await reader("ben");
    const admin = await reader("adm", { role: "ADMIN" });
    const roots = await Promise.all([unconfirmed, off, hidden, read].map((author) => post(author, `A root by ${author.name}.`)));
    // Una's address stops being confirmed after her comment (an admin turned the requirement on later, say).
    await db.user.update({ where: { id: unconfirmed.id }, data: { emailVerified: null } });
    await post(ben, "A reply for Una.", roots[0]!.id);
    await post(ben, "A reply for Otto.", roots[1]!.id);
    const toHide = await post(ben, "A reply a moderator hides.", roots[2]!.id);
    await post(ben, "A reply Rea reads on the site first.", roots[3]!.id);
    await hideComments(admin, [toHide.id], "Off topic.");
    await db.notification.updateMany({ where: { userId: read.id }, data: { readAt: new Date() } });
    await mailNow();
    for (const author of [unconfirmed, off, hidden, read]) expect(smtp.to(author.email)).toHaveLength(0);
    expect(await db.notification.count({ where: { userId: { in: [unconfirmed.id, off.id, hidden.id, read.id] }, mailState: "SKIPPED" } })).toBe(4);
  });

  it("an @mention is mailed as a mention; a watched thread's comment only to a watcher who asked", async () => {
    const ana = await reader("ana");
    const watcher = await reader("wes", { mailWatched: "IMMEDIATE" });
    const quiet = await reader("qin");
    const mia = await reader("mia");
    const ben = await reader("ben");
    const root = await post(ana, "Root of a watched thread.");
    await db.threadSubscription.createMany({ data: [watcher, quiet].map((user) => ({ userId: user.id, rootId: root.id, mode: "WATCH" as const })) });
    await post(ben, `A reply, and hello @${mia.handle}.`, root.id);
    await mailNow();
    expect(smtp.to(ana.email).map((mail) => mail.subject)).toEqual(["New reply to you on “Ferries at dawn”"]);
    expect(smtp.to(watcher.email).map((mail) => mail.subject)).toEqual(["New comment in a thread you watch on “Ferries at dawn”"]);
    expect(smtp.to(mia.email).map((mail) => mail.subject)).toEqual(["You were mentioned on “Ferries at dawn”"]);
    expect(smtp.to(quiet.email)).toHaveLength(0);
  });
});

describe("unsubscribing", () => {
  it("one click (RFC 8058: a POST with no session and no Origin) stops the topic at once, pending mail included", async () => {
    const ana = await reader("ana");
    const ben = await reader("ben");
    const root = await post(ana, "Mail me, then stop.");
    await post(ben, "A first reply.", root.id);
    while ((await composeNotificationMail(ORIGIN)).decided > 0);
    expect(await db.mailMessage.count({ where: { userId: ana.id, status: "PENDING" } })).toBe(1);

    const token = unsubscribeToken(ana.id, "replies");
    const click = await unsubscribePost(
      new Request(`${ORIGIN}/api/mail/unsubscribe?token=${encodeURIComponent(token)}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
      { params: Promise.resolve({}) },
    );
    expect(click.status).toBe(200);
    expect(((await click.json()) as { message: string }).message).toContain("no more emails about replies to my comments");
    expect((await db.user.findUniqueOrThrow({ where: { id: ana.id } })).mailReplies).toBe("OFF");
    expect(await db.mailMessage.count({ where: { userId: ana.id } })).toBe(0);

    await post(ben, "A second reply.", root.id);
    await mailNow();
    expect(smtp.to(ana.email)).toHaveLength(0);
  });

  it("refuses a token it did not make, or made for another reader, and changes nothing", async () => {
    const ana = await reader("ana");
    const forged = unsubscribeToken(ana.id, "replies").replace(/.$/, (last) => (last === "A" ? "B" : "A"));
    for (const token of [forged, `${ana.id}.everything.${"x".repeat(43)}`, "not-a-token-at-all"]) {
      const response = await unsubscribePost(new Request(`${ORIGIN}/api/mail/unsubscribe?token=${encodeURIComponent(token)}`, { method: "POST" }), { params: Promise.resolve({}) });
      expect(response.status).toBe(404);
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: ana.id } })).mailReplies).toBe("IMMEDIATE");
  });
});

describe("the daily digest", () => {
  it("waits a day, then groups by essay and thread with each permalink, leaving out what was hidden since", async () => {
    const dana = await reader("dana", { mailReplies: "DIGEST", mailMentions: "DIGEST" });
    const ben = await reader("ben");
    const admin = await reader("adm", { role: "ADMIN" });
    const first = await post(dana, "Dana's first thread.");
    const second = await post(dana, "Dana's second thread.");
    const a = await post(ben, "Reply one in the first thread.", first.id);
    const b = await post(ben, "Reply two in the first thread.", first.id);
    const c = await post(ben, "Reply in the second thread.", second.id);
    const gone = await post(ben, "A reply that gets hidden.", second.id);
    const elsewhere = await post(ben, `On the other essay, @${dana.handle}, look.`, undefined, otherEssay.essayId);
    await mailNow();
    expect(smtp.to(dana.email)).toHaveLength(0);
    expect(await db.notification.count({ where: { userId: dana.id, mailState: "DIGEST" } })).toBe(5);
    await hideComments(admin, [gone.id], "Off topic.");

    expect(await sendDueDigests(ORIGIN)).toBe(0);
    const tomorrow = new Date(Date.now() + 25 * 3_600_000);
    expect(await sendDueDigests(ORIGIN, tomorrow)).toBe(1);
    await deliverDueMail(createSendMail(smtp.url));
    const [digest, ...more] = smtp.to(dana.email);
    expect(more).toHaveLength(0);
    expect(digest!.subject).toBe("Your Glossa digest: 4 notices");
    const text = digest!.text!;
    const order = ["Ferries at dawn", "Thread started by", "Reply one in the first thread.", "Reply two in the first thread.", "Reply in the second thread.", "Tide tables", "On the other essay"].map(
      (part) => text.indexOf(part),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expect(text).not.toContain("A reply that gets hidden.");
    for (const comment of [a, b, c]) expect(text).toContain(`${ORIGIN}/essays/${essay.slug}/comments/${comment.id}`);
    expect(text).toContain(`${ORIGIN}/essays/${otherEssay.slug}/comments/${elsewhere.id}`);
    expect(digest!.headerLines.find((line) => line.key === "list-unsubscribe")?.line).toContain("/api/mail/unsubscribe?token=");
    expect(await db.notification.count({ where: { userId: dana.id, mailState: "DIGEST" } })).toBe(0);
    // The next one waits another day.
    await post(ben, "A reply after the digest.", first.id);
    await mailNow();
    expect(await sendDueDigests(ORIGIN, new Date(tomorrow.getTime() + 3_600_000))).toBe(0);
  });
});
