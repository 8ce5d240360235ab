import { newReader, select, signUp } from "./support/readers";
import { ADMIN, MODERATOR } from "./support/staff";
import { expect, test, type Page } from "./support/test";

const ESSAY = "/essays/reading-with-a-pencil";

async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

async function firstSentence(page: Page): Promise<string> {
  const text = (await page.locator("[data-essay-body] [data-block]").first().textContent()) ?? "";
  return text.split(/(?<=\.)\s/)[0]!.trim();
}

test("report → queue with passage and context → hide with a reason → tombstone, author told, reporter sees actioned, audit log; ban ends write access", async ({ page, browser }) => {
  // The author comments on a passage.
  const authorHandle = await signUp(page, "Rhea");
  await page.goto(ESSAY);
  const passage = await firstSentence(page);
  await select(page, passage);
  const toolbar = page.getByRole("toolbar", { name: "Highlight the selected passage" });
  await toolbar.getByRole("button", { name: "Comment" }).click();
  await toolbar.getByLabel("Comment on the selected passage").fill("Anyone who underlines like this is an idiot.");
  await toolbar.getByRole("button", { name: "Post comment" }).click();
  await expect(page.getByRole("dialog").locator(".comment__body")).toHaveText("Anyone who underlines like this is an idiot.");

  // Another reader reports it.
  const reporter = await newReader(browser);
  await signUp(reporter.page, "Sol");
  await reporter.page.goto(ESSAY);
  await reporter.page.getByRole("tab", { name: /On passages/ }).click();
  const reported = reporter.page.locator("#panel-passages .comment", { hasText: "is an idiot" });
  await reported.getByRole("button", { name: "Report" }).click();
  const form = reported.getByRole("form", { name: "Report this comment" });
  await form.getByLabel("Harassment or hate").check();
  await form.getByLabel(/Anything the moderators should know/).fill("Insults other readers.");
  await form.getByRole("button", { name: "Send report" }).click();
  await expect(reported.getByRole("status")).toContainText("Reported.");

  // A moderator finds it in the queue, with its passage, context and the report.
  const moderator = await newReader(browser);
  await signIn(moderator.page, MODERATOR);
  await moderator.page.getByRole("link", { name: "Moderation" }).click();
  const card = moderator.page.locator(".queue-card", { hasText: "is an idiot" });
  await expect(card.locator(".queue-card__passage")).toHaveText(passage);
  await expect(card).toContainText("Harassment or hate × 1");
  await expect(card).toContainText("Insults other readers.");
  await expect(card).toContainText(`@${authorHandle}`);
  await moderator.page.setViewportSize({ width: 1280, height: 1000 });
  await moderator.page.screenshot({ path: "test-results/screenshots/moderation-queue.png", fullPage: true });
  await card.getByLabel("Reason (shown to the author)").fill("Personal attacks are not allowed.");
  await card.getByRole("button", { name: /^Hide/ }).click();
  await expect(moderator.page.locator(".queue-card", { hasText: "is an idiot" })).toHaveCount(0);

  // Other readers see a tombstone with the reason.
  await reporter.page.reload();
  await reporter.page.getByRole("tab", { name: /On passages/ }).click();
  await expect(reporter.page.locator("#panel-passages .comment__tombstone").first()).toHaveText("Hidden by the moderators: Personal attacks are not allowed.");
  await expect(reporter.page.getByText("is an idiot")).toHaveCount(0);

  // The author is told why; the reporter sees "Actioned".
  await page.goto("/notifications");
  await expect(page.getByText("A moderator hid your comment. Reason: Personal attacks are not allowed.")).toBeVisible();
  await reporter.page.goto("/reports");
  await expect(reporter.page.locator(".report-list__item").first()).toContainText("Actioned");

  // The audit log shows the action.
  const admin = await newReader(browser);
  await signIn(admin.page, ADMIN);
  await admin.page.goto("/moderation/audit?action=hide");
  const row = admin.page.locator(".audit-table tbody tr").first();
  await expect(row).toContainText(`@${MODERATOR.handle}`);
  await expect(row).toContainText("Personal attacks are not allowed.");
  await admin.page.screenshot({ path: "test-results/screenshots/moderation-audit.png", fullPage: true });

  // The moderator bans the author from the Hidden tab; the author's open session loses write access at once.
  await moderator.page.goto("/moderation?tab=hidden");
  const hiddenCard = moderator.page.locator(".queue-card", { hasText: "is an idiot" });
  await hiddenCard.getByLabel("Reason (shown to the author)").fill("Repeated personal attacks.");
  await hiddenCard.getByRole("button", { name: "Ban" }).click();
  await expect(moderator.page.locator(".queue-card", { hasText: "is an idiot" }).getByRole("button", { name: "Lift ban" })).toBeVisible();
  const refused = await page.evaluate(async (essayPath) => {
    const html = await (await fetch(essayPath)).text();
    const essayId = /data-essay-id="([^"]+)"/.exec(html)?.[1] ?? "";
    const response = await fetch(`/api/essays/${essayId}/comments`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ body: "Still here." }) });
    return { status: response.status, body: await response.json() };
  }, ESSAY);
  expect(refused.status).toBe(403);
  expect(refused.body.error.message).toBe("Your account is banned: you can read Glossa, but not write.");
  await page.goto(ESSAY);
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();

  await Promise.all([reporter.context.close(), moderator.context.close(), admin.context.close()]);
});

test("pre-moderation: a new account's comment is held, approved, then visible", async ({ page, browser }) => {
  const moderator = await newReader(browser);
  await signIn(moderator.page, MODERATOR);
  await moderator.page.goto("/moderation/settings");
  const settings = moderator.page.getByRole("form", { name: "Settings for Reading With a Pencil" });
  await settings.getByLabel("Pre-moderation").selectOption("NEW_ACCOUNTS");
  await settings.getByLabel(/Review each new account/).fill("1");
  await settings.getByRole("button", { name: "Save" }).click();
  await expect(settings.getByRole("status")).toHaveText("Saved.");

  await signUp(page, "Nova");
  await page.goto(ESSAY);
  await page.getByLabel("Comment on the essay as a whole").fill("My first thought: the pencil is the point.");
  await page.getByRole("button", { name: "Post comment" }).click();
  const mine = page.locator("#panel-general .comment", { hasText: "the pencil is the point" });
  await expect(mine.locator(".comment__flag--held")).toHaveText("awaiting review");
  // Its author is told why, who can see it, and roughly how long review takes.
  const held = mine.locator(".comment__held-note");
  await expect(held).toContainText("Only you and the moderators can see this comment");
  await expect(held).toContainText("A new account's first comments are reviewed before they appear.");
  await expect(held).toContainText(/Review usually takes/);

  const reader = await newReader(browser);
  await reader.page.goto(ESSAY);
  await expect(reader.page.getByText("the pencil is the point")).toHaveCount(0);

  await moderator.page.goto("/moderation?tab=held");
  const card = moderator.page.locator(".queue-card", { hasText: "the pencil is the point" });
  await expect(card).toContainText("new account");
  await card.getByRole("button", { name: /^Approve/ }).click();
  await expect(moderator.page.locator(".queue-card", { hasText: "the pencil is the point" })).toHaveCount(0);

  await reader.page.reload();
  await expect(reader.page.locator("#panel-general .comment__body", { hasText: "the pencil is the point" })).toBeVisible();

  await moderator.page.goto("/moderation/settings");
  await settings.getByLabel("Pre-moderation").selectOption("OFF");
  await settings.getByRole("button", { name: "Save" }).click();
  await expect(settings.getByRole("status")).toHaveText("Saved.");
  await Promise.all([moderator.context.close(), reader.context.close()]);
});
