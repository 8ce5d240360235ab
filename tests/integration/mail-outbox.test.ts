import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db/client";
import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { deliverDueMail, retryDelaySeconds, runOutboxWorker } from "@/lib/mail/outbox-worker";
import { createSendMail } from "@/lib/mail/transport";
import { startMailServer, type TestMailServer } from "../support/mail-server";

// The outbox against a real SMTP server (smtp-server on a local port): what
// is queued arrives once, survives the mail server being away, and is given
// up on only after a day.

let smtp: TestMailServer;
const stamp = Date.now().toString(36);

function draft(index: number, to = `reader-${index}-${stamp}@example.test`) {
  return { kind: "test", to, subject: `Message ${index}`, text: `Plain text ${index}`, html: `<p>HTML ${index}</p>`, headers: { "X-Glossa-Test": String(index) } };
}

async function queue(count: number, offset = 0): Promise<string[]> {
  const addresses: string[] = [];
  await db.$transaction(async (tx) => {
    for (let index = offset; index < offset + count; index++) {
      const mail = draft(index);
      addresses.push(mail.to);
      await enqueueMail(tx, mail);
    }
  });
  return addresses;
}

beforeAll(async () => {
  smtp = await startMailServer();
});

beforeEach(async () => {
  // Each test counts only its own messages.
  await db.mailMessage.deleteMany({});
  smtp.messages.length = 0;
});

afterAll(async () => {
  await smtp.stop();
  await disconnectDb();
});

describe("the mail outbox", () => {
  it("sends a queued message with a text part, an HTML part, its Message-ID and its headers", async () => {
    const [address] = await queue(1);
    expect(await deliverDueMail(createSendMail(smtp.url, "Glossa <glossa@example.test>"))).toEqual({ taken: 1, sent: 1 });
    const [message] = smtp.to(address!);
    const stored = await db.mailMessage.findFirstOrThrow({ where: { to: address } });
    expect(message?.subject).toBe("Message 0");
    expect(message?.text?.trim()).toBe("Plain text 0");
    expect(message?.html).toContain("<p>HTML 0</p>");
    expect(message?.messageId).toBe(stored.messageId);
    expect(message?.headers.get("x-glossa-test")).toBe("0");
    expect(message?.from?.value[0]).toMatchObject({ name: "Glossa", address: "glossa@example.test" });
    expect(stored).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
    // Nothing is sent twice.
    expect(await deliverDueMail(createSendMail(smtp.url))).toEqual({ taken: 0, sent: 0 });
    expect(smtp.to(address!)).toHaveLength(1);
  });

  it("never sends one message twice with two instances' workers running at once", async () => {
    const addresses = await queue(40);
    const workers = [runOutboxWorker(createSendMail(smtp.url), 50, null), runOutboxWorker(createSendMail(smtp.url), 50, null)];
    try {
      await expect.poll(() => db.mailMessage.count({ where: { status: "SENT" } }), { timeout: 15_000 }).toBe(40);
    } finally {
      await Promise.all(workers.map((worker) => worker.stop()));
    }
    expect(smtp.messages).toHaveLength(40);
    expect(new Set(smtp.messages.map((message) => message.messageId)).size).toBe(40);
    expect(new Set(smtp.messages.flatMap((message) => [message.to].flat().map((to) => to?.text))).size).toBe(addresses.length);
  });

  it("keeps a message while the mail server is away, and delivers it once the server is back", async () => {
    const port = smtp.port;
    await smtp.stop();
    const [address] = await queue(1);
    expect(await deliverDueMail(createSendMail(`smtp://127.0.0.1:${port}`))).toEqual({ taken: 1, sent: 0 });
    const waiting = await db.mailMessage.findFirstOrThrow({ where: { to: address } });
    expect(waiting.status).toBe("PENDING");
    expect(waiting.lastError).toMatch(/ECONNREFUSED|connect/i);
    // Not taken again before its backoff (30 s after a first failure) has passed.
    expect(retryDelaySeconds(1)).toBe(30);
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect((await deliverDueMail(createSendMail(`smtp://127.0.0.1:${port}`))).taken).toBe(0);

    smtp = await startMailServer(port);
    await db.mailMessage.update({ where: { id: waiting.id }, data: { nextAttemptAt: new Date(Date.now() - 1_000) } });
    expect(await deliverDueMail(createSendMail(smtp.url))).toEqual({ taken: 1, sent: 1 });
    expect(smtp.to(address!)).toHaveLength(1);
    expect(await db.mailMessage.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
  });

  it("gives up on a message that has failed for a day, and marks it failed for the admins", async () => {
    const [address] = await queue(1);
    await db.mailMessage.updateMany({ where: { to: address }, data: { createdAt: new Date(Date.now() - 25 * 3_600_000) } });
    const failing = async () => {
      throw new Error("550 mailbox unavailable");
    };
    await deliverDueMail(failing);
    expect(await db.mailMessage.findFirstOrThrow({ where: { to: address } })).toMatchObject({ status: "FAILED", lastError: "550 mailbox unavailable" });
    await db.mailMessage.updateMany({ where: { to: address }, data: { nextAttemptAt: new Date(0) } });
    expect((await deliverDueMail(createSendMail(smtp.url))).taken).toBe(0);
  });

  it("backs off from 30 s doubling to an hour", () => {
    expect([1, 2, 3, 4, 8, 20].map(retryDelaySeconds)).toEqual([30, 60, 120, 240, 3_600, 3_600]);
  });
});
