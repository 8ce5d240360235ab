import AxeBuilder from "@axe-core/playwright";
import { newReader, select, signUp } from "./support/readers";
import { MODERATOR } from "./support/staff";
import { expect, randomAddress, test, type Page } from "./support/test";

// An essay of its own (scripts/e2e-server.ts), so the audit's highlights and threads never reach the other specs' counts.
const ESSAY = "/essays/street-names";
// One passage per scheme, so each run's thread is its own.
const PASSAGES = { light: "Every street name is an argument that has been won.", dark: "The proposal passed, the signs went up" };

/** Every axe violation on the page, any impact, one line each with the nodes that fail. */
async function violations(page: Page, where: string): Promise<string[]> {
  const { violations: found } = await new AxeBuilder({ page }).analyze();
  return found.map(
    (violation) =>
      `${where}: [${violation.impact}] ${violation.id} (${violation.help}): ${violation.nodes.map((node) => `${node.target.join(" ")} ${node.failureSummary?.replace(/\s+/g, " ") ?? ""}`).join(" | ")}`,
  );
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`in ${colorScheme} mode`, () => {
    test.use({ colorScheme });

    test("every page a reader and a moderator use passes axe with no violation of any impact", async ({ page, browser }) => {
      test.setTimeout(180_000);
      const found: string[] = [];

      await page.goto("/");
      found.push(...(await violations(page, "home")));
      await page.goto(ESSAY);
      await expect(page.locator("[data-essay-body]")).toBeVisible();
      found.push(...(await violations(page, "essay, signed out")));

      const handle = await signUp(page, "Axel");
      await page.goto(ESSAY);
      await select(page, PASSAGES[colorScheme]);
      const toolbar = page.getByRole("toolbar", { name: "Highlight the selected passage" });
      await toolbar.getByRole("button", { name: "Comment" }).click();
      await expect(toolbar.getByLabel("Comment on the selected passage")).toBeVisible();
      await toolbar.getByLabel("Comment on the selected passage").fill(`An **audited** comment (${colorScheme}).`);
      found.push(...(await violations(page, "composer open")));
      await toolbar.getByRole("button", { name: "Post comment" }).click();
      const panel = page.getByRole("dialog");
      await expect(panel.locator(".comment__body")).toHaveText(`An audited comment (${colorScheme}).`);
      found.push(...(await violations(page, "panel open")));
      const permalink = await panel.locator(".comment__time").first().getAttribute("href");

      await page.reload();
      await expect.poll(() => page.evaluate(() => CSS.highlights.get("glossa-mine-yellow")?.size ?? 0)).toBe(1);
      found.push(...(await violations(page, "essay, signed in with highlights")));

      await page.goto(permalink!);
      await expect(page).toHaveURL(/\/comments\/\d+$/);
      await expect(page.locator(".comment--target")).toBeVisible();
      await expect(page).toHaveTitle(`Comment by @${handle} on The Long Afterlife of Street Names · Glossa`);
      found.push(...(await violations(page, "comment permalink")));

      await page.goto("/no-such-page");
      await expect(page).toHaveTitle("Page not found · Glossa");
      found.push(...(await violations(page, "404")));
      await page.goto("/notifications");
      found.push(...(await violations(page, "notifications")));
      await page.goto("/settings");
      found.push(...(await violations(page, "settings")));

      // A report puts the comment in the queue, so the queue is audited with a card in it.
      const reporter = await newReader(browser);
      await signUp(reporter.page, "Rita");
      await reporter.page.goto(ESSAY);
      await reporter.page.getByRole("tab", { name: /On passages/ }).click();
      const reported = reporter.page.locator("#panel-passages .comment", { hasText: `An audited comment (${colorScheme}).` });
      await reported.getByRole("button", { name: "Report" }).click();
      const form = reported.getByRole("form", { name: "Report this comment" });
      await form.getByLabel("Spam").check();
      await form.getByRole("button", { name: "Send report" }).click();
      await expect(reported.getByRole("status")).toContainText("Reported.");
      await reporter.context.close();

      const staff = await browser.newContext({ colorScheme, extraHTTPHeaders: { "x-forwarded-for": randomAddress() } });
      const moderator = await staff.newPage();
      await moderator.goto("/signin");
      await moderator.getByLabel("Email").fill(MODERATOR.email);
      await moderator.getByLabel("Password").fill(MODERATOR.password);
      await moderator.getByRole("button", { name: "Sign in" }).click();
      await expect(moderator.getByTestId("signed-in-as")).toBeVisible();
      await moderator.goto("/moderation");
      await expect(moderator.getByText(`An audited comment (${colorScheme}).`).first()).toBeVisible();
      found.push(...(await violations(moderator, "moderation queue")));
      await staff.close();

      expect(found).toEqual([]);
    });
  });
}
