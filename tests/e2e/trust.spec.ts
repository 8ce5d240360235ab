import AxeBuilder from "@axe-core/playwright";
import { signUp } from "./support/readers";
import { screenshots } from "./support/screenshots";
import { ADMIN } from "./support/staff";
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
