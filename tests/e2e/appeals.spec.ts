import AxeBuilder from "@axe-core/playwright";
import { newReader, PASSWORD, signUp } from "./support/readers";
import { screenshots } from "./support/screenshots";
import { MODERATOR } from "./support/staff";
import { expect, test, type Page } from "./support/test";

const ESSAY = "/essays/reading-with-a-pencil";

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Every axe violation on the page, any impact, in both colour schemes. */
async function expectNoAxeViolations(page: Page) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((violation) => `${colorScheme}: ${violation.id} ${violation.nodes.map((node) => node.target.join(" ")).join(" | ")}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

test("a banned reader signs in, reads the ban and its reason, appeals; a moderator grants it in the Appeals tab; the reader signs in and posts again", async ({ page, browser }) => {
  // Three readers' sessions, eight screenshots and four axe runs: more than the default minute on a busy machine.
  test.setTimeout(120_000);
  const handle = await signUp(page, "Bram");
  const email = `${handle}@example.test`;
  const userId = await page.evaluate(async () => ((await (await fetch("/api/auth/session")).json()) as { user: { id: string } }).user.id);

  // A moderator bans them, with a reason.
  const moderator = await newReader(browser);
  await signIn(moderator.page, MODERATOR.email, MODERATOR.password);
  await expect(moderator.page.getByTestId("signed-in-as")).toBeVisible();
  const banned = await moderator.page.evaluate(async (id) => {
    const response = await fetch("/api/moderation/actions", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ action: "ban", userId: id, reason: "Repeated personal attacks after a warning." }),
    });
    return response.status;
  }, userId);
  expect(banned).toBe(200);

  // Their open session says they are banned, and where to read why.
  await page.goto(ESSAY);
  await expect(page.locator(".standing-banner")).toContainText("Your account is banned.");

  // A wrong password still says only that it does not match.
  await signIn(page, email, "not the right password");
  await expect(page.locator(".form-message--error")).toHaveText("That email and password do not match an account.");

  // The right one shows the ban: what, why, since when, and the appeal form.
  await signIn(page, email, PASSWORD);
  await expect(page).toHaveURL(/\/sanction$/);
  // The session the ban ended is gone with it: no banner says "sign in" while they read why.
  await expect(page.locator(".standing-banner")).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your account is banned");
  const notice = page.getByTestId("sanction-notice");
  await expect(notice).toContainText("Repeated personal attacks after a warning.");
  await expect(notice).toContainText("A moderator lifts it");
  await screenshots(page, "sanction-notice", ".sanction-page");
  await expectNoAxeViolations(page);

  await page.getByLabel("Your appeal").fill("I apologised to the reader I insulted, and I will keep to the rules.");
  await page.getByRole("button", { name: "Appeal" }).click();
  await expect(page.locator(".sanction-page").getByRole("status")).toContainText("is waiting for a moderator");
  await screenshots(page, "sanction-appealed", ".sanction-page");

  // The moderator finds it in the Appeals tab, with the sanction's history, and grants it.
  await moderator.page.goto("/moderation?tab=appeals");
  const card = moderator.page.locator(".appeal-card", { hasText: "I apologised to the reader" });
  await expect(card).toContainText(`@${handle}`);
  await expect(card).toContainText(`by @${MODERATOR.handle}`);
  await expect(card).toContainText("Repeated personal attacks after a warning.");
  await screenshots(moderator.page, "appeals-tab", ".appeal-card");
  await expectNoAxeViolations(moderator.page);
  await card.getByLabel(/Answer/).fill("Thank you; the ban is lifted.");
  await card.getByRole("button", { name: "Grant and lift" }).click();
  await expect(moderator.page.locator(".queue-board").getByRole("status")).toContainText("Granted");
  await expect(moderator.page.locator(".appeal-card", { hasText: "I apologised to the reader" })).toHaveCount(0);

  // The reader signs in, is told, and posts again.
  await signIn(page, email, PASSWORD);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  await page.goto("/notifications");
  await expect(page.getByText(/granted your appeal/)).toBeVisible();
  await page.goto(ESSAY);
  await page.getByLabel("Comment on the essay as a whole").fill("Back, and reading more carefully this time.");
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.locator("#panel-general .comment__body", { hasText: "reading more carefully this time" })).toBeVisible();

  await moderator.context.close();
});
