import http from "node:http";
import { newReader, signUp } from "./support/readers";
import { expect, randomAddress, test } from "./support/test";

const ESSAY = "/essays/harbour-post-column";
/** The per-client cap on open streams (lib/live/stream-gate.ts). */
const PER_CLIENT_STREAMS = 32;

/** Opens an event stream from `address` (X-Forwarded-For: the e2e server trusts one proxy) and keeps it open; resolves with its status. */
function holdStream(url: string, address: string, held: http.ClientRequest[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { "x-forwarded-for": address, accept: "text/event-stream" }, agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    request.on("error", reject);
    held.push(request);
  });
}

test("a page refused a live stream (503) polls instead, and still sees new comments", async ({ page, browser, baseURL }) => {
  // Which essay id the page streams: read from another reader's page.
  const scout = await newReader(browser);
  const [streamRequest] = await Promise.all([scout.page.waitForRequest((request) => /\/api\/essays\/[^/]+\/events/.test(request.url())), scout.page.goto(ESSAY)]);
  const eventsUrl = new URL(streamRequest.url()).pathname;
  await scout.context.close();

  // This reader's address already holds as many streams as one client may.
  const address = randomAddress();
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": address });
  const held: http.ClientRequest[] = [];
  try {
    const statuses = [];
    for (let index = 0; index < PER_CLIENT_STREAMS; index++) statuses.push(await holdStream(`${baseURL}${eventsUrl}`, address, held));
    expect(statuses.every((status) => status === 200)).toBe(true);

    const refused = page.waitForResponse((response) => response.url().includes("/events") && response.status() === 503);
    const polled = page.waitForResponse((response) => response.url().includes("/events") && response.request().headers()["accept"] === "application/json" && response.status() === 200, {
      timeout: 20_000,
    });
    await page.goto(ESSAY);
    expect((await refused).headers()["retry-after"]).toMatch(/^\d+$/);
    await polled;

    // Another reader writes; the refused page learns of it from its next poll.
    const writer = await newReader(browser);
    await signUp(writer.page, "Poll");
    await writer.page.goto(ESSAY);
    await writer.page.getByLabel("Comment on the essay as a whole").fill("Seen by a reader who could not stream.");
    await writer.page.getByRole("button", { name: "Post comment" }).click();
    await expect(writer.page.locator(".comment__body", { hasText: "Seen by a reader who could not stream." })).toBeVisible();
    await expect(page.getByRole("button", { name: "1 new comment" })).toBeVisible({ timeout: 25_000 });
    await writer.context.close();
  } finally {
    for (const request of held) request.destroy();
  }
});
