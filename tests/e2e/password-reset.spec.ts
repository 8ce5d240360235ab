import AxeBuilder from "@axe-core/playwright";
import type { TestMailServer } from "../support/mail-server";
import { mailbox } from "./support/mailbox";
import { PASSWORD, signUp } from "./support/readers";
import { screenshots } from "./support/screenshots";
import { expect, test } from "./support/test";

// Forgot password, as a reader does it: the link comes by mail from the app
// to a real SMTP server the run keeps (./support/mailbox.ts; the app's
// SMTP_URL points at it, scripts/e2e-server.ts), and is opened from what that
// server received.

const NEW_PASSWORD = "a new passphrase after forgetting the old one";
let smtp: TestMailServer;

test.beforeAll(async () => {
  smtp = await mailbox();
});

test("forgot password: the mailed link sets a new password and signs the reader in", async ({ page }) => {
  const handle = await signUp(page, "Forgetful");
  const email = `${handle}@example.test`;
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.goto("/signin");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page).toHaveTitle("Forgot your password? · Glossa");
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await screenshots(page, "forgot-password", "h1");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByText("If an account uses that address, a link to choose a new password is on its way.")).toBeVisible();

  // The first message to the address was its confirmation link, at sign-up; the reset link is the second and last.
  await expect.poll(() => smtp.to(email).length, { timeout: 10_000 }).toBe(2);
  const message = smtp.to(email)[1];
  expect(message?.subject).toBe("Reset your Glossa password");
  const link = /https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]{43}/.exec(message?.text ?? "")?.[0];
  expect(link).toBeTruthy();

  await page.goto(link!);
  await expect(page).toHaveTitle("Choose a new password · Glossa");
  // The token leaves the address bar once the page has it.
  await expect(page).toHaveURL(/\/reset-password$/);
  expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  await screenshots(page, "reset-password", "h1");
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Save and sign in" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();

  // The old password no longer signs in; the link does not work twice.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // By its text: Next's route announcer is an (empty) alert too once the page has navigated on the client.
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible();
  await page.goto(link!);
  await page.getByLabel("New password").fill("one more passphrase, refused");
  await page.getByRole("button", { name: "Save and sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "expired or was already used" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toBeVisible();
});
