import { DEEP_THREAD } from "./support/deep-thread";
import { newReader, signUp } from "./support/readers";
import { expect, test, type Page } from "./support/test";

// The essay the end-to-end server seeds a deep thread on (scripts/e2e-server.ts).
const ESSAY = "/essays/reading-with-a-pencil";

const SIZES = [
  { name: "desktop", use: { viewport: { width: 1280, height: 800 } } },
  { name: "phone", use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
];

/** The current state of the page in light and in dark, for a person to look at. */
async function shoot(page: Page, name: string): Promise<void> {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `test-results/screenshots/threads-${name}-${colorScheme}.png` });
  }
  await page.emulateMedia({ colorScheme: "light" });
}

const focused = (page: Page) => page.locator(":focus");

/** Where focus is among the page's comments, in reading order (-1: on none). */
const focusIndex = (page: Page) => page.evaluate(() => [...document.querySelectorAll(".comment > .comment__main")].indexOf(document.activeElement!));

for (const size of SIZES) {
  test.describe(`threads at ${size.name} size`, () => {
    test.use(size.use);

    test("a deep thread: one 'more replies' that loads in place, one-hop continue with a way back, j/k between comments", async ({ page }) => {
      await page.goto(ESSAY);
      const thread = page.locator("#panel-general .thread", { hasText: DEEP_THREAD.root });
      await thread.scrollIntoViewIfNeeded();

      // One button, under the root, for the two replies that hang there; the cut chain continues once, at the depth limit.
      const more = thread.getByRole("button", { name: /more repl/ });
      await expect(more).toHaveCount(1);
      await expect(more).toHaveText(`${DEEP_THREAD.siblings} more replies`);
      const cont = thread.getByRole("link", { name: /Continue this thread/ });
      await expect(cont).toHaveCount(1);
      await expect(cont).toHaveText(`Continue this thread (${DEEP_THREAD.chain - 5} replies) →`);
      await expect(thread.getByText("Level 5 of the argument.")).toBeVisible();
      await expect(thread.getByText("Level 6 of the argument.")).toHaveCount(0);
      await more.scrollIntoViewIfNeeded();
      await shoot(page, `deep-before-${size.name}`);

      // In place: the replies appear where the button was, focus goes to the first of them, nothing is left to load.
      await more.click();
      await expect(thread.getByText("A second thought, number 1.")).toBeVisible();
      await expect(thread.getByText("A second thought, number 2.")).toBeVisible();
      await expect(thread.getByRole("button", { name: /more repl/ })).toHaveCount(0);
      await expect(thread.getByRole("link", { name: /Continue this thread/ })).toHaveCount(1);
      await expect(focused(page)).toContainText("A second thought, number");
      await expect(page).toHaveURL(new RegExp(`${ESSAY}$`));

      // j/k move between comments in reading order, for a reader who is not signed in.
      const start = await focusIndex(page);
      await page.keyboard.press("j");
      expect(await focusIndex(page)).toBe(start + 1);
      await page.keyboard.press("k");
      await page.keyboard.press("k");
      expect(await focusIndex(page)).toBe(start - 1);
      // The visible buttons do the same, from the comment last moved to.
      await page.getByRole("button", { name: "↓ Next" }).first().click();
      expect(await focusIndex(page)).toBe(start);
      await shoot(page, `deep-loaded-${size.name}`);

      // One hop: the depth-6 reply is the first reply shown.
      await thread.getByRole("link", { name: /Continue this thread/ }).click();
      await expect(page).toHaveURL(/\/comments\/(\d+)\?from=\1$/);
      const subtree = page.locator(".discussion__threads");
      await expect(subtree.locator(".comment").first().locator(".comment__body").first()).toHaveText("Level 5 of the argument.");
      for (let level = 6; level <= DEEP_THREAD.chain; level++) await expect(subtree.getByText(`Level ${level} of the argument.`)).toBeVisible();
      await expect(page.getByRole("link", { name: /Continue this thread/ })).toHaveCount(0);
      await shoot(page, `continue-${size.name}`);

      // The way back: the whole thread, with the comment continued from marked.
      await page.getByRole("link", { name: "← Back to the replies above" }).click();
      await expect(page).toHaveURL(/\/comments\/\d+$/);
      await expect(page.locator(".comment--target > .comment__main .comment__body")).toHaveText("Level 5 of the argument.");
      await expect(page.getByText(DEEP_THREAD.root)).toBeVisible();

      // Collapse and expand any comment, announced with aria-expanded.
      const collapse = page.locator(".comment--target > .comment__main").getByRole("button", { name: "Collapse thread" });
      await collapse.click();
      const expand = page.locator(".comment--target > .comment__main").getByRole("button", { name: "Expand thread" });
      await expect(expand).toHaveAttribute("aria-expanded", "false");
      await expect(page.getByRole("link", { name: /Continue this thread/ })).toHaveCount(0);
      await expand.click();
      await expect(page.getByRole("link", { name: /Continue this thread/ })).toHaveCount(1);
    });

    test("deleting a comment can be undone, and an undone deletion never reaches another reader", async ({ page, browser }) => {
      await signUp(page, "Uma");
      const deletes: string[] = [];
      page.on("request", (request) => {
        if (request.method() === "DELETE" && request.url().includes("/api/comments/")) deletes.push(request.url());
      });
      await page.goto(ESSAY);
      const composer = page.getByLabel("Comment on the essay as a whole");
      const words = `A note I may take back (${size.name}).`;
      await composer.fill(words);
      // j typed into the composer is text, not a move.
      await composer.press("End");
      await composer.press("j");
      await expect(composer).toHaveValue(`${words}j`);
      await expect(composer).toBeFocused();
      await composer.press("Backspace");
      await page.getByRole("button", { name: "Post comment" }).click();
      const posted = page.locator("#panel-general .comment--mine", { hasText: words });
      await expect(posted).toBeVisible();
      // The server's copy, not the optimistic one (whose id is negative and goes away).
      await expect(posted).toHaveAttribute("data-comment-id", /^\d+$/);
      // By id from here on: while it can be undone, its words are not shown.
      const mine = page.locator(`#c-${await posted.getAttribute("data-comment-id")} > .comment__main`);

      const other = await newReader(browser);
      await other.page.goto(ESSAY);
      const theirs = other.page.locator(`#c-${await posted.getAttribute("data-comment-id")} > .comment__main`);
      await expect(theirs.locator(".comment__body")).toHaveText(words);

      // Delete: shown as deleted at once, with Undo focused; nothing is sent yet.
      await mine.getByRole("button", { name: "Delete" }).click();
      await expect(mine.locator(".comment__tombstone")).toHaveText("Deleted. Undo");
      await expect(mine.getByRole("button", { name: "Undo" })).toBeFocused();
      await shoot(page, `undo-${size.name}`);
      await mine.getByRole("button", { name: "Undo" }).click();
      await expect(mine.locator(".comment__body")).toHaveText(words);
      // Past the window: no DELETE went out, and the other reader still reads the comment.
      await page.waitForTimeout(9_000);
      expect(deletes).toEqual([]);
      await other.page.reload();
      await expect(theirs.locator(".comment__body")).toHaveText(words);

      // Delete for good: once the window passes it is sent, and the other reader sees the tombstone live.
      await mine.getByRole("button", { name: "Delete" }).click();
      await expect(mine.locator(".comment__tombstone")).toHaveText("Deleted. Undo");
      await expect(mine.locator(".comment__tombstone")).toHaveText("[deleted]", { timeout: 15_000 });
      expect(deletes).toHaveLength(1);
      await expect(theirs.locator(".comment__tombstone")).toHaveText("[deleted]", { timeout: 15_000 });
      await other.context.close();
    });

    test("leaving the page during the undo window still deletes", async ({ page }) => {
      await signUp(page, "Ivo");
      await page.goto(ESSAY);
      const words = `Gone when I leave (${size.name}).`;
      await page.getByLabel("Comment on the essay as a whole").fill(words);
      await page.getByRole("button", { name: "Post comment" }).click();
      const posted = page.locator("#panel-general .comment--mine", { hasText: words });
      await expect(posted).toHaveAttribute("data-comment-id", /^\d+$/);
      const mine = page.locator(`#c-${await posted.getAttribute("data-comment-id")}`);
      await mine.getByRole("button", { name: "Delete" }).click();
      await expect(mine.getByRole("button", { name: "Undo" })).toBeVisible();
      // A full page load away: the pending DELETE goes out as the page is hidden (a keepalive request outlives it).
      await page.goto("/");
      await page.goto(ESSAY);
      await expect(mine.locator(".comment__tombstone")).toHaveText("[deleted]");
    });
  });
}
