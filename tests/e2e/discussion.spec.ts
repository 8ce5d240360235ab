import { select, signUp } from "./support/readers";
import { expect, randomAddress, test } from "./support/test";

const ESSAY = "/essays/harbour-post-column";

test("two readers argue about a passage, live", async ({ page, browser }) => {
  await signUp(page, "Ana");
  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomAddress() } });
  const bob = await other.newPage();
  await signUp(bob, "Ben");
  await bob.goto(ESSAY);
  await bob.getByRole("tab", { name: /On passages/ }).click();

  // A comments on a passage: one step makes the public highlight and the thread.
  await page.goto(ESSAY);
  await select(page, "Four minutes is the whole of the case for it.");
  const toolbar = page.getByRole("toolbar", { name: "Highlight the selected passage" });
  await toolbar.getByRole("button", { name: "Comment" }).click();
  await toolbar.getByLabel("Comment on the selected passage").fill("Four minutes **is** a real saving for shift workers.");
  await toolbar.getByRole("button", { name: "Post comment" }).click();
  const panel = page.getByRole("dialog");
  await expect(panel.locator(".comment__body")).toHaveText("Four minutes is a real saving for shift workers.");

  // B sees it arrive without reloading, behind the pill, and replies.
  const pill = bob.getByRole("button", { name: "1 new comment" });
  await expect(pill).toBeVisible({ timeout: 15_000 });
  await pill.click();
  const thread = bob.locator("#panel-passages .thread").first();
  await expect(thread.locator(".thread__passage")).toHaveText("Four minutes is the whole of the case for it.");
  await thread.getByRole("button", { name: "Reply" }).click();
  await thread.getByLabel(/Reply to Ana/).fill("Only if the boat comes. Reliability ranked first.");
  await thread.getByRole("button", { name: "Reply", exact: true }).last().click();
  await expect(thread.locator(".comment__replies .comment__body")).toHaveText("Only if the boat comes. Reliability ranked first.");

  // The reply reaches A's open panel live, behind its own pill; and A is notified.
  await panel.getByRole("button", { name: "1 new reply" }).click({ timeout: 15_000 });
  await expect(panel.locator(".comment__replies .comment__body")).toHaveText("Only if the boat comes. Reliability ranked first.");
  await page.reload();
  await expect(page.getByTestId("unread-badge")).toHaveText("1");
  await page.getByTestId("notification-bell").click();
  await page.getByRole("link", { name: "All notifications" }).click();
  const notice = page.getByRole("link", { name: /replied: Only if the boat comes/ });
  await expect(notice).toBeVisible();

  // The notification's permalink opens the thread at B's reply.
  await notice.click();
  await expect(page).toHaveURL(/\/essays\/harbour-post-column\/comments\/\d+$/);
  await expect(page.locator(".comment--target .comment__body")).toHaveText("Only if the boat comes. Reliability ranked first.");

  // A edits, B sees the edit in place; A deletes, B sees the tombstone and the reply stays.
  const mine = page.locator(".comment--mine").first();
  await mine.getByRole("button", { name: "Edit" }).click();
  await mine.getByLabel("Edit your comment").fill("Four minutes is a real saving for shift workers, twice a day.");
  await mine.getByRole("button", { name: "Save" }).click();
  await expect(mine.locator(".comment__body").first()).toHaveText("Four minutes is a real saving for shift workers, twice a day.");
  await expect(mine.locator(".comment__flag", { hasText: "edited" })).toBeVisible();
  await expect(thread.locator(".comment__body").first()).toHaveText("Four minutes is a real saving for shift workers, twice a day.", { timeout: 15_000 });

  // The deletion is sent once its undo window has passed (threads.spec.ts covers Undo).
  await mine.getByRole("button", { name: "Delete" }).first().click();
  await expect(mine.locator(".comment__tombstone").first()).toHaveText("Deleted. Undo");
  await expect(mine.locator(".comment__tombstone").first()).toHaveText("[deleted]", { timeout: 15_000 });
  await expect(thread.locator(".comment__tombstone").first()).toHaveText("[deleted]", { timeout: 15_000 });
  await expect(thread.locator(".comment__replies .comment__body")).toHaveText("Only if the boat comes. Reliability ranked first.");

  // B upvotes nothing of their own; A upvotes B's reply.
  const reply = page.locator(".comment__replies .comment").first();
  await reply.getByRole("button", { name: /Upvote/ }).click();
  await expect(reply.getByRole("button", { name: /Upvote/ })).toHaveAttribute("aria-pressed", "true");
  await expect(thread.locator(".comment__replies").getByRole("button", { name: "Upvote (1)" })).toBeVisible({ timeout: 15_000 });

  await page.setViewportSize({ width: 1280, height: 900 });
  await bob.setViewportSize({ width: 1280, height: 900 });
  await bob.locator("#discussion").scrollIntoViewIfNeeded();
  await bob.screenshot({ path: "test-results/screenshots/discussion-desktop.png", fullPage: false });
  await other.close();
});

test("general discussion: post, drafts survive a reload, the same text twice is refused", async ({ page }) => {
  await signUp(page, "Cleo");
  await page.goto(ESSAY);
  const composer = page.getByLabel("Comment on the essay as a whole");
  await composer.fill("A draft about **tide tables**.");
  await page.reload();
  await expect(page.getByLabel("Comment on the essay as a whole")).toHaveValue("A draft about **tide tables**.");
  await page.getByRole("tab", { name: "Preview" }).first().click();
  await expect(page.locator(".composer__preview strong")).toHaveText("tide tables");
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.locator("#panel-general .comment__body").first()).toHaveText("A draft about tide tables.");
  await page.waitForTimeout(5_200);
  await page.getByRole("tab", { name: "Write" }).first().click();
  await page.getByLabel("Comment on the essay as a whole").fill("A draft about **tide tables**.");
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.locator("#panel-general .form-message--error")).toContainText("same text");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator("#discussion").scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screenshots/discussion-phone.png" });
});
