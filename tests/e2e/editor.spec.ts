import AxeBuilder from "@axe-core/playwright";
import { newReader, select, signUp } from "./support/readers";
import { screenshots } from "./support/screenshots";
import { EDITOR } from "./support/staff";
import { expect, test, type Page } from "./support/test";

async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

async function axe(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((violation) => `[${violation.impact}] ${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(" | ")}`);
}

const paintedMine = (page: Page) =>
  page.evaluate(() =>
    [...CSS.highlights.keys()].filter((name) => name.startsWith("glossa-mine-") || name.startsWith("glossa-private-")).reduce((sum, name) => sum + CSS.highlights.get(name)!.size, 0),
  );

/** Which block of the block editor holds `words` (a textarea's words are its value, not its text). */
const blockHolding = (page: Page, words: string) =>
  page.locator(".block-editor__block textarea").evaluateAll((areas, wanted) => areas.findIndex((area) => (area as HTMLTextAreaElement).value.includes(wanted)), words);

const REMOVED = "the coffee was terrible and the biscuits were worse than that";
const CHANGED = "the negotiation found a rhythm it had never had before";

function page(title: string): string {
  return [
    "Home  News  Opinion  Sport",
    "Subscribe",
    title,
    "Why patient negotiators outlast loud ones, and what the rest of us can learn from them.",
    "By Ada Brennan",
    "12 March 2026",
    "Share  Tweet  Email",
    "The negotiation began in a cold room, and nobody expected it to last the winter or to change anything at all.",
    "Every side arrived with a list of demands, and every list was longer than the patience of the people reading it.",
    "The Turning Point",
    `What changed was small: a chair moved, a window opened, and ${CHANGED}.`,
    `A paragraph that the editor will delete later says that ${REMOVED}.`,
    "In the end the agreement was a page long, and its plainness was the reason it held for a decade without a single breach.",
    "Advertisement",
    "Related stories",
    "Ten things about treaties",
    "© 2026 Harbour Post Media Ltd. All rights reserved.",
  ].join("\n");
}

test("an editor imports pasted text and sees the dropped chrome; a reader highlights and comments; a revision changes and removes their passages; they are told, see the diff and re-attach the orphan", async ({
  page: editorPage,
  browser,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const title = `The Slow Work of Agreement ${stamp}`;
  const slug = `slow-work-${stamp}`;
  const found: string[] = [];

  // The editor pastes a page, sees what the importer dropped and why, keeps nothing back, and publishes at a slug of their choosing.
  await signIn(editorPage, EDITOR);
  await editorPage.getByRole("link", { name: "Editor", exact: true }).click();
  await expect(editorPage.getByRole("heading", { name: "Editor", level: 1 })).toBeVisible();
  await editorPage.getByLabel(/The article as copied from its page/).fill(page(title));
  await editorPage.getByRole("button", { name: "Preview" }).click();
  const dropped = editorPage.locator(".draft-preview__dropped");
  await expect(dropped.getByRole("heading", { name: /Dropped as site chrome/ })).toBeVisible();
  await expect(dropped.locator(".dropped-line", { hasText: "Advertisement" })).toContainText("advertising label");
  await expect(dropped.locator(".dropped-line", { hasText: "12 March 2026" })).toContainText("date or reading time");
  await expect(editorPage.locator(".draft-preview__title")).toHaveText(title);
  // Keeping a dropped line puts it into the essay; dropping it again takes it out.
  await dropped.locator(".dropped-line", { hasText: "12 March 2026" }).getByRole("button", { name: "Keep" }).click();
  await expect(editorPage.locator(".draft-preview__article")).toContainText("12 March 2026");
  await dropped.locator(".dropped-line", { hasText: "12 March 2026" }).getByRole("button", { name: "Drop again" }).click();
  await expect(editorPage.locator(".draft-preview__article")).not.toContainText("12 March 2026");
  found.push(...(await axe(editorPage)));
  await screenshots(editorPage, "editor-preview", ".draft-preview");
  await editorPage.getByLabel(/Address: \/essays\//).fill(slug);
  await editorPage.getByRole("button", { name: "Publish essay" }).click();
  await expect(editorPage).toHaveURL(new RegExp(`^https?://[^/]+/essays/${slug}$`));
  await expect(editorPage.getByRole("heading", { name: title, level: 1 })).toBeVisible();

  // A reader highlights one passage and starts a discussion on another.
  const reader = await newReader(browser);
  await signUp(reader.page, "Rosa");
  await reader.page.goto(`/essays/${slug}`);
  await select(reader.page, REMOVED);
  const toolbar = reader.page.getByRole("toolbar", { name: "Highlight the selected passage" });
  await toolbar.getByRole("button", { name: "Highlight yellow" }).click();
  await expect.poll(() => paintedMine(reader.page)).toBe(1);
  await select(reader.page, CHANGED);
  await toolbar.getByRole("button", { name: "Comment" }).click();
  await toolbar.getByLabel("Comment on the selected passage").fill("The window is the whole story.");
  await toolbar.getByRole("button", { name: "Post comment" }).click();
  await expect(reader.page.getByRole("dialog").locator(".comment__body")).toHaveText("The window is the whole story.");

  // The editor revises in the browser: rewords one passage, deletes a paragraph, checks what that does, publishes.
  await editorPage.goto(`/editor/essays/${slug}`);
  const blocks = editorPage.locator(".block-editor__block");
  await blocks
    .nth(await blockHolding(editorPage, CHANGED))
    .locator("textarea")
    .fill("What changed was small: a chair moved, a window opened, and the talks found a rhythm it had never had before.");
  await blocks
    .nth(await blockHolding(editorPage, REMOVED))
    .getByRole("button", { name: "Remove" })
    .click();
  await editorPage.getByRole("button", { name: "Check what changes" }).click();
  const report = editorPage.locator(".dry-run");
  await expect(report.getByRole("row", { name: /Become orphans/ })).toContainText("1");
  await expect(report.getByRole("row", { name: /Are on changed words/ })).toContainText("1");
  await expect(report.locator(".dry-run__passage--changes ins")).toContainText("talks");
  found.push(...(await axe(editorPage)));
  await screenshots(editorPage, "editor-dry-run", ".dry-run");
  await editorPage.getByLabel(/What changed, in a line/).fill("Plainer words in the second section.");
  await editorPage.getByRole("button", { name: "Publish this revision" }).click();
  await expect(editorPage).toHaveURL(new RegExp(`^https?://[^/]+/essays/${slug}$`));

  // The reader, still on the old revision, is offered the new one at once.
  await expect(reader.page.getByText("This essay has just been revised.")).toBeVisible();

  // The reader is told, with the words that changed.
  await reader.page.goto("/notifications");
  const notices = reader.page.getByTestId("notification");
  await expect(notices.filter({ hasText: "The passage you highlighted was removed from" })).toContainText(REMOVED);
  const changedNotice = notices.filter({ hasText: "The passage you highlighted changed in" });
  await expect(changedNotice.locator("del")).toContainText("negotiation");
  await expect(changedNotice.locator("ins")).toContainText("talks");
  found.push(...(await axe(reader.page)));
  // Following it opens the passage, marked as changed, with the diff.
  await changedNotice.getByRole("link").click();
  const panel = reader.page.getByRole("dialog");
  await expect(panel.getByTestId("passage-changed")).toContainText("Passage changed since it was highlighted");
  await expect(panel.locator(".passage-changed ins")).toContainText("talks");
  await expect(panel.locator(".comment__body")).toHaveText("The window is the whole story.");
  await screenshots(reader.page, "passage-changed", ".highlight-panel");

  // The removed passage's highlight is listed with its words, and its owner re-attaches it to the new text.
  await reader.page.keyboard.press("Escape");
  const orphans = reader.page.locator(".orphans");
  await expect(orphans.locator("blockquote")).toHaveText(REMOVED);
  await orphans.getByRole("button", { name: "Re-attach" }).click();
  await select(reader.page, "its plainness was the reason it held for a decade");
  await reader.page.getByRole("region", { name: "Re-attach highlight" }).getByRole("button", { name: "Attach to selection" }).click();
  await expect(orphans).toHaveCount(0);
  await expect.poll(() => paintedMine(reader.page)).toBe(2);

  // Anyone can read the history and the word-level diff.
  await reader.page.goto(`/essays/${slug}`);
  await reader.page.getByRole("link", { name: /see what changed/ }).click();
  await expect(reader.page.getByRole("heading", { name: "Revision history" })).toBeVisible();
  await expect(reader.page.locator(".revision-list")).toContainText("Plainer words in the second section.");
  await expect(reader.page.locator(".revision-diff__block--removed")).toContainText("the coffee was terrible");
  await expect(reader.page.locator(".revision-diff__block--changed del")).toContainText("negotiation");
  found.push(...(await axe(reader.page)));
  await screenshots(reader.page, "revision-history", ".revision-diff");

  // The editor unpublishes it: readers get a 404, the editor still finds it.
  await editorPage.goto("/editor");
  editorPage.once("dialog", (dialog) => void dialog.accept());
  const row = editorPage.locator(".editor-essay", { hasText: title });
  await row.getByRole("button", { name: "Unpublish" }).click();
  await expect(row).toContainText("Unpublished");
  expect((await reader.page.goto(`/essays/${slug}`))?.status()).toBe(404);
  await reader.context.close();
  expect(found).toEqual([]);
});
