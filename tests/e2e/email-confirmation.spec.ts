import AxeBuilder from "@axe-core/playwright";
import { mailbox, mailedLink } from "./support/mailbox";
import { CONFIRM_LINK, newReader, signUp } from "./support/readers";
import { screenshots } from "./support/screenshots";
import { expect, test } from "./support/test";

// Sign-up's confirmation link and notification mail, as readers meet them:
// every link is read from what the run's real SMTP server received.

const ESSAY = "/essays/harbour-post-column";

test("sign up → the comment waits for the mailed link → confirmed → the comment posts", async ({ page }) => {
  const handle = await signUp(page, "Vera", { confirm: false });
  const email = `${handle}@example.test`;
  const banner = page.getByTestId("email-confirm-banner");
  await expect(banner).toContainText(`open the link we sent to ${email}`);

  // Unconfirmed: the composer's answer says what to do, and nothing is posted.
  await page.goto(ESSAY);
  await page.getByLabel("Comment on the essay as a whole").fill("Before I confirm my address.");
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.locator("#panel-general .form-message--error")).toContainText("Confirm your email address before you comment");
  await expect(page.locator("#panel-general .comment__body", { hasText: "Before I confirm my address." })).toHaveCount(0);

  // "Send the link again" mails a second link; the first one no longer works, the second does.
  await page.getByRole("button", { name: "Send the link again" }).click();
  await expect(banner).toContainText(`We sent a new link to ${email}`);
  const first = await mailedLink(email, CONFIRM_LINK, 0);
  const second = await mailedLink(email, CONFIRM_LINK, 1);
  await page.goto(first);
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.locator(".form-message--error")).toContainText("expired or was already used");

  await page.goto(second);
  await expect(page).toHaveTitle("Confirm your email · Glossa");
  // The token leaves the address bar once the page has it.
  await expect(page).toHaveURL(/\/verify-email$/);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await screenshots(page, "verify-email", "h1");
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByText(`${email} is confirmed. You can comment now.`)).toBeVisible();
  await expect(page.getByTestId("email-confirm-banner")).toHaveCount(0);

  // The refused comment waited as a draft (the composer keeps what was not posted); the reader rewrites it and posts.
  await page.goto(ESSAY);
  const composer = page.getByLabel("Comment on the essay as a whole");
  await expect(composer).toHaveValue("Before I confirm my address.");
  await composer.fill("After confirming, the comment posts.");
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.locator("#panel-general .comment__body", { hasText: "After confirming, the comment posts." })).toHaveCount(1);
  await page.reload();
  await expect(page.locator("#panel-general .comment__body", { hasText: "After confirming, the comment posts." })).toHaveCount(1);
  await expect(page.locator("#panel-general .comment__body", { hasText: "Before I confirm my address." })).toHaveCount(0);
});

test("a reply is mailed with one-click unsubscribe; the unsubscribe page stops it; settings say so", async ({ page, browser }) => {
  const smtp = await mailbox();
  const authorHandle = await signUp(page, "Mael");
  const authorEmail = `${authorHandle}@example.test`;
  await page.goto(ESSAY);
  await page.getByLabel("Comment on the essay as a whole").fill("Mail me the replies to this, please.");
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.locator("#panel-general .comment__body").first()).toHaveText("Mail me the replies to this, please.");

  const replier = await newReader(browser);
  await signUp(replier.page, "Rui");
  await replier.page.goto(ESSAY);
  const thread = replier.page.locator("#panel-general .thread", { hasText: "Mail me the replies to this, please." }).first();
  await thread.getByRole("button", { name: "Reply" }).click();
  await thread.getByLabel(/Reply to Mael/).fill("Here is one, by mail.");
  await thread.getByRole("button", { name: "Reply", exact: true }).last().click();
  await expect(thread.locator(".comment__replies .comment__body")).toHaveText("Here is one, by mail.");
  await replier.context.close();

  // The mailer decides within a poll (5 s), the outbox sends it.
  const unsubscribe = await mailedLink(authorEmail, /https?:\/\/\S+\/unsubscribe\?token=\S+/, 1, 20_000);
  const mail = smtp.to(authorEmail)[1]!;
  expect(mail.subject).toMatch(/^New reply to you on “.+”$/);
  expect(mail.text).toContain("replied: Here is one, by mail.");
  expect(mail.headerLines.find((line) => line.key === "list-unsubscribe-post")?.line).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
  expect(mail.headerLines.find((line) => line.key === "list-unsubscribe")?.line).toContain("/api/mail/unsubscribe?token=");

  await page.goto(unsubscribe);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await expect(page.getByText("Stop emails about replies to my comments?")).toBeVisible();
  await screenshots(page, "unsubscribe", "h1");
  await page.getByRole("button", { name: "Unsubscribe" }).click();
  await expect(page.getByRole("status")).toContainText("You will get no more emails about replies to my comments.");

  await page.goto("/settings#email-notifications");
  await expect(page.getByTestId("email-status")).toContainText(`${authorEmail}, confirmed.`);
  const replies = page.getByRole("group", { name: "Replies to my comments" });
  await expect(replies.getByLabel("Off")).toBeChecked();
  await replies.getByLabel("Daily digest").check();
  await page.getByRole("button", { name: "Save email choices" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await screenshots(page, "settings-email", "#email-heading");
  await screenshots(page, "settings-mail-choices", "#email-notifications button");
});
