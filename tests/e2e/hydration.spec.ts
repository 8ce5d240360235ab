import { expect, test } from "./support/test";

// The essay the end-to-end server seeds a deep thread on (scripts/e2e-server.ts).
const ESSAY = "/essays/reading-with-a-pencil";

// A reader whose clock is ten minutes ahead of the server's, in a zone twelve
// hours off UTC: any text the server and the browser compute differently
// makes React discard the server's HTML and draw the discussion again, which
// detaches every comment a reader (or a test) was holding.
test.use({ timezoneId: "Pacific/Auckland" });

test("the discussion the server sent is the one the reader keeps: hydration replaces no comment, whatever the reader's clock and zone", async ({ page }) => {
  await page.clock.install({ time: Date.now() + 10 * 60_000 });
  await page.clock.resume();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.addInitScript(() => {
    const removed: Element[] = [];
    (window as unknown as { removedComments: Element[] }).removedComments = removed;
    new MutationObserver((records) => {
      for (const record of records) for (const node of record.removedNodes) if (node instanceof Element && (node.matches(".comment") || node.querySelector(".comment"))) removed.push(node);
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto(ESSAY);
  const time = page.locator("#panel-general .comment time").first();
  // The server's text is a UTC date; the hydrated page says how long ago, by the reader's clock.
  await expect(time).toHaveText(/ago$/);
  // Streaming moves the discussion out of its hidden holder, which removes and re-inserts the same nodes; a redraw leaves them detached.
  const detached = await page.evaluate(() => (window as unknown as { removedComments: Element[] }).removedComments.filter((node) => !node.isConnected).length);
  expect(detached).toBe(0);
  expect(errors).toEqual([]);
});
