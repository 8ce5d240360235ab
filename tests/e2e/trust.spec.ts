import AxeBuilder from "@axe-core/playwright";
import { newReader, select, signUp } from "./support/readers";
import { screenshots } from "./support/screenshots";
import { ADMIN, MODERATOR } from "./support/staff";
import { expect, test, type Page } from "./support/test";

async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

async function axeViolations(page: Page, include: string): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).include(include).analyze();
  return violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(" | ")}`);
}

test("a new reader sees their trust level and what the next one needs", async ({ page }) => {
  await signUp(page, "Tova");
  await page.goto("/settings");
  const section = page.locator("#trust");
  await expect(section.getByTestId("trust-level")).toContainText("You are New reader (level 0 of 3).");
  await expect(section).toContainText("Next, Basic: Your links appear at once");
  await expect(section).toContainText("1 more published comment");
  await screenshots(page, "trust-level", "#trust");
  expect(await axeViolations(page, "#trust")).toEqual([]);
});

test("an admin marks a listed word exact and edits the trust thresholds", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/moderation/settings");
  const rules = page.getByRole("form", { name: "Rules for every comment" });
  await rules.getByLabel(/Banned words/).fill("bannedword\nothershame");
  await rules.getByRole("checkbox", { name: /othershame/ }).check();
  await rules.getByRole("button", { name: "Save rules" }).click();
  await expect(rules.getByRole("status")).toHaveText("Saved.");
  const trust = page.getByRole("form", { name: "Trust levels" });
  await trust.getByLabel("Trusted (3): Own reports upheld at least").fill("4");
  await trust.getByRole("button", { name: "Save trust levels" }).click();
  await expect(trust.getByRole("status")).toHaveText("Saved.");
  await page.reload();
  await expect(page.getByRole("form", { name: "Rules for every comment" }).getByRole("checkbox", { name: /othershame/ })).toBeChecked();
  await expect(page.getByRole("form", { name: "Trust levels" }).getByLabel("Trusted (3): Own reports upheld at least")).toHaveValue("4");
  await screenshots(page, "word-rules-form", 'form[aria-label="Rules for every comment"] fieldset');
  await screenshots(page, "trust-rules-form", 'form[aria-label="Trust levels"]');
  expect(await axeViolations(page, 'form[aria-label="Rules for every comment"]')).toEqual([]);
  expect(await axeViolations(page, 'form[aria-label="Trust levels"]')).toEqual([]);
  // Leave the site's words as the other specs expect them.
  await page
    .getByRole("form", { name: "Rules for every comment" })
    .getByLabel(/Banned words/)
    .fill("");
  await page.getByRole("form", { name: "Rules for every comment" }).getByRole("button", { name: "Save rules" }).click();
  await expect(page.getByRole("form", { name: "Rules for every comment" }).getByRole("status")).toHaveText("Saved.");
});

test("a reported card says briefly why it is where it is in the queue", async ({ page, browser }) => {
  await signUp(page, "Ilse");
  await page.goto("/essays/reading-with-a-pencil");
  const passage = ((await page.locator("[data-essay-body] [data-block]").nth(1).textContent()) ?? "").split(/(?<=\.)\s/)[0]!.trim();
  await select(page, passage);
  const toolbar = page.getByRole("toolbar", { name: "Highlight the selected passage" });
  await toolbar.getByRole("button", { name: "Comment" }).click();
  await toolbar.getByLabel("Comment on the selected passage").fill("Buy cheap pencils at my shop, best prices today.");
  await toolbar.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByRole("dialog").locator(".comment__body")).toHaveText("Buy cheap pencils at my shop, best prices today.");

  const reporter = await newReader(browser);
  await signUp(reporter.page, "Pia");
  await reporter.page.goto("/essays/reading-with-a-pencil");
  await reporter.page.getByRole("tab", { name: /On passages/ }).click();
  const reported = reporter.page.locator("#panel-passages .comment", { hasText: "Buy cheap pencils" });
  await reported.getByRole("button", { name: "Report" }).click();
  const form = reported.getByRole("form", { name: "Report this comment" });
  await form.getByLabel("Spam").check();
  await form.getByRole("button", { name: "Send report" }).click();
  await expect(reported.getByRole("status")).toContainText("Reported.");

  const moderator = await newReader(browser);
  await signIn(moderator.page, MODERATOR);
  await moderator.page.goto("/moderation");
  const card = moderator.page.locator(".queue-card", { hasText: "Buy cheap pencils" });
  await expect(card).toContainText("Why it is here: 1 report (spam) · new account");
  const key = await card.getAttribute("data-card");
  await screenshots(moderator.page, "queue-priority", `[data-card="${key}"]`);
  // On a phone the queue fits the screen (its cards were 415 px wide on 390).
  await moderator.page.setViewportSize({ width: 390, height: 844 });
  expect(await moderator.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await moderator.page.setViewportSize({ width: 1280, height: 800 });
  expect(await axeViolations(moderator.page, `[data-card="${key}"] .queue-card__header`)).toEqual([]);
});
