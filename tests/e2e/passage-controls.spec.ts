import AxeBuilder from "@axe-core/playwright";
import { newReader, select, signUp } from "./support/readers";
import { screenshots } from "./support/screenshots";
import { MODERATOR } from "./support/staff";
import { expect, test, type Page } from "./support/test";

const ESSAY = "/essays/harbour-post-column";
// A passage no other spec writes on: slowing it leaves their threads alone.
const PASSAGE = "Three boats can lose one and still run a service.";
const SLOWED = "Comments on this passage are slowed to one per 10 minutes.";

async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

/** Every axe violation inside `scope`, one line each. */
async function violations(page: Page, scope: string): Promise<string[]> {
  const { violations: found } = await new AxeBuilder({ page }).include(scope).analyze();
  return found.map((violation) => `[${violation.impact}] ${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(" | ")}`);
}

test("a moderator slows one passage from the essay page; a reader is told where they would comment, and the second comment waits", async ({ page, browser }) => {
  // The moderator selects the passage and slows it.
  await signIn(page, MODERATOR);
  await page.goto(ESSAY);
  await select(page, PASSAGE);
  const toolbar = page.getByRole("toolbar", { name: "Highlight the selected passage" });
  await toolbar.getByRole("button", { name: "Moderate passage" }).click();
  const form = toolbar.getByRole("form", { name: "Moderate this passage" });
  await form.getByLabel("Slow mode").selectOption({ label: "One comment per 10 minutes" });
  await form.getByLabel("Reason, shown to readers").fill("A heated exchange; give it room.");
  await expect(toolbar).toBeVisible();
  expect(await violations(page, ".selection-toolbar")).toEqual([]);
  await screenshots(page, "passage-moderate-form", ".selection-toolbar");
  await form.getByRole("button", { name: "Apply to passage" }).click();
  await expect(toolbar.getByRole("status")).toHaveText("Saved: every thread on this passage follows it.");
  await expect(toolbar.getByTestId("passage-notices")).toHaveText(SLOWED);

  // A reader selects words inside it: told before writing.
  const reader = await newReader(browser);
  await signUp(reader.page, "Tove");
  await reader.page.goto(ESSAY);
  await select(reader.page, "lose one and still run");
  const readerToolbar = reader.page.getByRole("toolbar", { name: "Highlight the selected passage" });
  await expect(readerToolbar.getByTestId("passage-notices")).toHaveText(SLOWED);
  await expect(readerToolbar.getByRole("button", { name: "Moderate passage" })).toHaveCount(0);

  // The first comment goes through; the panel's discussion says the same above its composer.
  await readerToolbar.getByRole("button", { name: "Comment" }).click();
  await readerToolbar.getByLabel("Comment on the selected passage").fill("Redundancy is the whole argument here.");
  await readerToolbar.getByRole("button", { name: "Post comment" }).click();
  const panel = reader.page.getByRole("dialog");
  await expect(panel.locator(".comment__body")).toHaveText("Redundancy is the whole argument here.");
  await expect(panel.getByTestId("passage-notices")).toHaveText(SLOWED);

  // A second comment on the passage within ten minutes is refused, saying how long to wait
  // (after the 5-second limit every comment has, which would answer first).
  await reader.page.waitForTimeout(5_500);
  await select(reader.page, "Three boats can lose one");
  await readerToolbar.getByRole("button", { name: "Comment" }).click();
  await readerToolbar.getByLabel("Comment on the selected passage").fill("And one more thing.");
  await readerToolbar.getByRole("button", { name: "Post comment" }).click();
  await expect(readerToolbar.getByRole("alert")).toHaveText("Too many comments in this slow-mode discussion. Try again in 10 minutes.");

  // Looked at, and axe-clean, light and dark.
  await reader.page.keyboard.press("Escape");
  await reader.page
    .getByRole("dialog")
    .waitFor({ state: "detached" })
    .catch(() => undefined);
  await select(reader.page, "lose one and still run");
  await expect(readerToolbar.getByTestId("passage-notices")).toBeVisible();
  expect(await violations(reader.page, ".selection-toolbar")).toEqual([]);
  await screenshots(reader.page, "passage-slowed-toolbar", ".selection-toolbar");
  await reader.page.emulateMedia({ colorScheme: "dark" });
  expect(await violations(reader.page, ".selection-toolbar")).toEqual([]);
  await reader.page.emulateMedia({ colorScheme: "light" });

  // The moderator sees the control in the settings list, and removes it.
  await page.goto("/moderation/settings");
  const card = page.getByRole("region", { name: "Passages of The Case for Slower Ferries" });
  await expect(card).toContainText("Slowed to one comment per 10 minutes: A heated exchange; give it room.");
  await screenshots(page, "passage-controls-settings", ".passage-controls-list");
  expect(await violations(page, ".passage-controls-list")).toEqual([]);
  await card.getByRole("button", { name: /Remove the control/ }).click();
  await expect(card.getByRole("status")).toHaveText("Removed.");
  await expect(card.locator(".passage-controls-list")).toHaveCount(0);

  // The queue's early warning is there (one comment by one reader is not heat).
  await page.goto("/moderation");
  await expect(page.getByRole("heading", { name: "Heating up" })).toBeVisible();
  expect(await violations(page, ".heating-up")).toEqual([]);
});
