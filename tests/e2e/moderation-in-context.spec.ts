import AxeBuilder from "@axe-core/playwright";
import { newReader, select, signUp } from "./support/readers";
import { screenshots } from "./support/screenshots";
import { MODERATOR } from "./support/staff";
import { expect, test, type Page } from "./support/test";

const ESSAY = "/essays/reading-with-a-pencil";

async function signIn(page: Page, account: { email: string; password: string }) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

/** Every axe violation on the page, one line each. */
async function violations(page: Page, where: string): Promise<string[]> {
  const { violations: found } = await new AxeBuilder({ page }).analyze();
  return found.map((violation) => `${where}: [${violation.impact}] ${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(" | ")}`);
}

test("a new reader's link comment is held; a moderator approves it in place on the essay page, opens the author's card and record; readers never get the tools", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const text = `Compare https://example.com/pencils-${stamp} before you underline.`;

  // A new reader's comment with a link is held (links from new accounts are reviewed first).
  const authorHandle = await signUp(page, "Linnea");
  await page.goto(ESSAY);
  await page.getByLabel("Comment on the essay as a whole").fill(text);
  await page.getByRole("button", { name: "Post comment" }).click();
  const mine = page.locator("#panel-general .comment", { hasText: `pencils-${stamp}` });
  await expect(mine.locator(".comment__flag--held")).toBeVisible();
  await expect(mine.getByRole("button", { name: /^Moderate/ })).toHaveCount(0);

  // Another reader sees neither the comment nor any moderation tool or data, in the page or its payload.
  const reader = await newReader(browser);
  await signUp(reader.page, "Ossian");
  await reader.page.goto(ESSAY);
  await expect(reader.page.locator("#panel-general .comment").first()).toBeVisible();
  await expect(reader.page.getByText(`pencils-${stamp}`)).toHaveCount(0);
  await expect(reader.page.getByRole("button", { name: /^Moderate/ })).toHaveCount(0);
  const readerHtml = await reader.page.content();
  for (const secret of ["openReports", "hideReasons", "Spam or advertising", "inline-moderation"]) expect(readerHtml).not.toContain(secret);

  // The moderator sees the held comment on the essay page and approves it there.
  const moderator = await newReader(browser);
  await signIn(moderator.page, MODERATOR);
  await moderator.page.goto(ESSAY);
  const held = moderator.page.locator("#panel-general .comment", { hasText: `pencils-${stamp}` });
  await expect(held.locator(".comment__flag--held")).toBeVisible();
  const toggle = held.getByRole("button", { name: "Moderate the comment by Linnea" });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const tools = held.getByRole("group", { name: "Moderation of the comment by Linnea" });
  await expect(tools.getByRole("button", { name: "Approve" })).toBeVisible();
  // Keyboard: Escape folds the tools and gives focus back to the toggle; Enter opens them again.
  await tools.getByRole("button", { name: "Approve" }).focus();
  await moderator.page.keyboard.press("Escape");
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await moderator.page.keyboard.press("Enter");
  await tools.getByRole("button", { name: "Hide…" }).click();
  await expect(tools.getByRole("combobox", { name: "Use a saved reason for hiding" })).toBeVisible();
  await tools.getByRole("button", { name: "Author's card" }).click();
  await expect(tools.getByRole("region", { name: `@${authorHandle}'s record` })).toContainText("1 held");
  const found = await violations(moderator.page, "essay, moderator tools open");
  await screenshots(moderator.page, "moderation-inline", `#c-${await held.getAttribute("data-comment-id")}`);
  await tools.getByRole("button", { name: "Cancel" }).click();
  await tools.getByRole("button", { name: "Approve" }).click();
  await expect(held.getByRole("status")).toHaveText("Approved: everyone can see it now.");
  await expect(held.locator(".comment__flag--held")).toHaveCount(0);

  // Readers see it published.
  await reader.page.reload();
  await expect(reader.page.locator("#panel-general .comment__body", { hasText: `pencils-${stamp}` })).toBeVisible();

  // The author's card leads to the reader's record, where a private note is added.
  await tools.getByRole("link", { name: `Full record of @${authorHandle} →` }).click();
  await expect(moderator.page).toHaveURL(new RegExp(`/moderation/users/${authorHandle}$`));
  await expect(moderator.page.getByRole("heading", { level: 1 })).toContainText(`@${authorHandle}`);
  await expect(moderator.page.locator(".user-record__list", { hasText: `pencils-${stamp}` }).getByText("published")).toBeVisible();
  const noteForm = moderator.page.getByRole("form", { name: "Add a moderator note" });
  await noteForm.getByLabel(/Private note/).fill("Approved a link post; looks like a genuine reader.");
  await noteForm.getByRole("button", { name: "Add note" }).click();
  await expect(moderator.page.locator(".user-record__notes")).toContainText("looks like a genuine reader");
  await expect(moderator.page.locator(".user-record__notes")).toContainText(`@${MODERATOR.handle}`);
  await expect(moderator.page.getByRole("combobox", { name: "Use a saved sanction reason" })).toBeVisible();
  found.push(...(await violations(moderator.page, "reader's record")));
  await screenshots(moderator.page, "moderation-user", "h1");

  // Search finds the reader by part of their handle.
  await moderator.page.goto("/moderation/users");
  await moderator.page.getByLabel("Handle, name or email").fill(authorHandle.slice(0, 12));
  await moderator.page.getByRole("button", { name: "Search" }).click();
  await expect(moderator.page.getByRole("link", { name: `@${authorHandle}` })).toBeVisible();
  found.push(...(await violations(moderator.page, "reader search")));
  await screenshots(moderator.page, "moderation-users", "table");

  // Hiding in place, with a saved reason.
  await moderator.page.goto(ESSAY);
  // By id: once hidden, its words are gone from the page.
  const approvedId = await moderator.page.locator("#panel-general .comment", { hasText: `pencils-${stamp}` }).getAttribute("data-comment-id");
  const approved = moderator.page.locator(`#c-${approvedId}`);
  await approved.getByRole("button", { name: "Moderate the comment by Linnea" }).click();
  const again = approved.getByRole("group", { name: "Moderation of the comment by Linnea" });
  await again.getByRole("button", { name: "Hide…" }).click();
  await again.getByRole("combobox", { name: "Use a saved reason for hiding" }).selectOption("Off topic");
  await expect(again.getByLabel(/Reason \(shown to the author/)).toHaveValue("Off topic");
  await again.getByRole("button", { name: "Hide", exact: true }).click();
  await expect(approved.locator(".comment__tombstone").first()).toContainText("Off topic");
  await expect(again.getByRole("button", { name: "Restore" })).toBeVisible();
  await reader.page.reload();
  await expect(reader.page.getByText(`pencils-${stamp}`)).toHaveCount(0);

  // The same tools on the comment's permalink (where the audit log links): restore it there.
  await moderator.page.goto(`${ESSAY}/comments/${approvedId}`);
  const permalink = moderator.page.locator(`#c-${approvedId}`);
  await permalink.getByRole("button", { name: "Moderate the comment by Linnea" }).click();
  await permalink.getByRole("button", { name: "Restore" }).click();
  await expect(permalink.locator(".comment__body").first()).toContainText(`pencils-${stamp}`);

  expect(found).toEqual([]);
  await Promise.all([reader.context.close(), moderator.context.close()]);
});

test("a moderator hides a public note in place, from its highlight's panel, with a saved reason", async ({ page, browser }) => {
  const stamp = Date.now().toString(36);
  const passage = "walls attract graffiti";
  await signUp(page, "Petra");
  await page.goto(ESSAY);
  await select(page, passage);
  const toolbar = page.getByRole("toolbar", { name: "Highlight the selected passage" });
  await toolbar.getByRole("radio", { name: "Public" }).click();
  await toolbar.getByRole("button", { name: "Note" }).click();
  await toolbar.getByLabel("Note").fill(`Graffiti is an argument too (${stamp}).`);
  await toolbar.getByRole("button", { name: "Save highlight" }).click();
  await expect(toolbar).toBeHidden();

  const moderator = await newReader(browser);
  await signIn(moderator.page, MODERATOR);
  await moderator.page.goto(ESSAY);
  // The highlights (and their notes) have loaded once the margin shows a note.
  await expect(moderator.page.getByRole("button", { name: /with notes?$/ }).first()).toBeVisible();
  // The passage's margin marker opens its panel: the one level with its paragraph.
  const marker = await moderator.page.evaluate((words) => {
    const paragraph = [...document.querySelectorAll("[data-essay-body] [data-block]")].find((block) => block.textContent?.includes(words))!;
    const top = paragraph.getBoundingClientRect().top;
    const markers = [...document.querySelectorAll(".margin-marker")];
    const distance = (index: number) => Math.abs(markers[index]!.getBoundingClientRect().top - top);
    return markers.reduce((best, _marker, index) => (distance(index) < distance(best) ? index : best), 0);
  }, passage);
  await moderator.page.locator(".margin-marker").nth(marker).click();
  const entry = moderator.page.getByRole("dialog").locator(".highlight-entry", { hasText: stamp });
  await entry.getByRole("button", { name: "Moderate the note by Petra" }).click();
  const tools = entry.getByRole("group", { name: "Moderation of the note by Petra" });
  await tools.getByRole("button", { name: "Hide note…" }).click();
  await tools.getByRole("combobox", { name: "Use a saved reason for hiding" }).selectOption("Spam or advertising");
  expect(await violations(moderator.page, "highlight panel, note tools open")).toEqual([]);
  await screenshots(moderator.page, "moderation-note", ".highlight-panel");
  await tools.getByRole("button", { name: "Hide", exact: true }).click();
  await expect(entry.getByRole("status")).toHaveText("Note hidden.");
  await expect(entry.locator(".inline-moderation__flag")).toHaveText("note hidden: Spam or advertising");
  await expect(tools.getByRole("button", { name: "Restore note" })).toBeVisible();

  // Its author is told; other readers no longer get its words.
  await page.goto("/notifications");
  await expect(page.getByText("A moderator hid the note on your highlight. Reason: Spam or advertising")).toBeVisible();
  await moderator.context.close();
});
