import type { Browser, BrowserContext } from "@playwright/test";
import { mailbox, mailedLink } from "./mailbox";
import { expect, randomAddress, type Page } from "./test";

/** The password every reader the tests sign up uses. */
export const PASSWORD = "correct horse battery staple";

/** The confirmation link in a message Glossa mails. */
export const CONFIRM_LINK = /https?:\/\/\S+\/verify-email\?token=[A-Za-z0-9_-]{43}/;

/**
 * Signs a new reader up (unique handle from `label`), waits for the
 * signed-in header and, unless `confirm` is false, confirms the address as
 * a reader does, with the link mailed to the run's SMTP server; returns to
 * the page sign-up ended on, and returns the handle.
 */
export async function signUp(page: Page, label: string, { confirm = true } = {}): Promise<string> {
  const handle = `${label.toLowerCase()}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  await mailbox();
  await page.goto("/signup");
  await page.getByLabel("Email").fill(`${handle}@example.test`);
  await page.getByLabel("Handle").fill(handle);
  await page.getByLabel("Display name").fill(label);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  if (!confirm) return handle;
  const landed = page.url();
  await page.goto(await mailedLink(`${handle}@example.test`, CONFIRM_LINK));
  await page.getByRole("button", { name: "Confirm my email" }).click();
  await expect(page.getByText(`${handle}@example.test is confirmed.`)).toBeVisible();
  await page.goto(landed);
  return handle;
}

/** A second reader: a browser context of their own, from an address of their own. */
export async function newReader(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomAddress() } });
  return { context, page: await context.newPage() };
}

/** Selects `words` inside `root` (the essay body by default) the way a reader's drag would end up. */
export async function select(page: Page, words: string, root = "[data-essay-body]"): Promise<void> {
  await page.evaluate(
    ([target, rootSelector]) => {
      const body = document.querySelector(rootSelector!)!;
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(target!);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + target!.length);
        document.getSelection()!.removeAllRanges();
        document.getSelection()!.addRange(range);
        return;
      }
      throw new Error(`not in the essay: ${target}`);
    },
    [words, root],
  );
}
