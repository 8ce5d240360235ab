import { readFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { markdownQuotes } from "../support/csv";
import { select, signUp } from "./support/readers";
import { screenshots } from "./support/screenshots";
import { expect, test, type Page } from "./support/test";

const ESSAY = "/essays/harbour-post-column";
const PUBLIC_WORDS = "Four minutes is the whole of the case for it.";
const PRIVATE_WORDS = "The answer is not only money";

async function highlight(page: Page, words: string, visibility: "Only me" | "Public", colour: string) {
  await select(page, words);
  const toolbar = page.getByRole("toolbar", { name: "Highlight the selected passage" });
  await expect(toolbar).toBeVisible();
  await toolbar.getByRole("radio", { name: visibility }).click();
  await toolbar.getByRole("button", { name: `Highlight ${colour}` }).click();
  await expect(page.getByRole("status")).toContainText(visibility === "Public" ? "Everyone can see it." : "Only you can see it");
}

/** Every axe violation, in light and in dark mode, one line each. */
async function axeViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    found.push(...violations.map((violation) => `${colorScheme}: ${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`));
  }
  await page.emulateMedia({ colorScheme: "light" });
  return found;
}

/** The file a link downloads, with its name and text. */
async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent("download"), click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, "utf8") };
}

test("the notebook lists private and public highlights, edits a note in place, and exports Markdown that quotes the essay", async ({ page }) => {
  test.setTimeout(120_000);
  await signUp(page, "nadia");
  await page.goto(ESSAY);
  await highlight(page, PUBLIC_WORDS, "Public", "green");
  await highlight(page, PRIVATE_WORDS, "Only me", "pink");

  // Tags from the passage panel: the field's words, Enter saves.
  await page.locator(".margin-marker").first().click();
  const panel = page.getByRole("dialog");
  await expect(panel).toContainText(PUBLIC_WORDS);
  await panel.getByLabel("Tags").fill("Ferries, #timetables");
  await panel.getByLabel("Tags").press("Enter");
  await expect(page.getByRole("status")).toContainText("Tags saved.");
  await expect(panel.getByRole("link", { name: "#ferries" })).toHaveAttribute("href", "/tags/ferries");
  await screenshots(page, "notebook-panel-tags", ".highlight-panel");
  await page.keyboard.press("Escape");

  await page.getByRole("navigation", { name: "Account" }).getByRole("link", { name: "Notebook" }).click();
  await expect(page).toHaveURL(/\/notebook$/);
  const entries = page.getByTestId("notebook-entry");
  await expect(entries).toHaveCount(2);
  // Newest first: the private one was made last.
  await expect(entries.nth(0).locator("blockquote")).toHaveText(PRIVATE_WORDS);
  await expect(entries.nth(0)).toContainText("Only you");
  await expect(entries.nth(1).locator("blockquote")).toHaveText(PUBLIC_WORDS);
  await expect(entries.nth(1)).toContainText("Public");
  await expect(entries.nth(1).getByRole("link", { name: "Open passage" })).toHaveAttribute("href", /\/essays\/harbour-post-column#hl-[\w-]+$/);

  // Edit the private one's note in place: its #word becomes a tag, which links to the notebook's filter (a private highlight has no public page).
  await entries.nth(0).getByRole("button", { name: "Edit" }).click();
  await entries.nth(0).getByLabel("Note").fill("Money is the least of it. #costs");
  await entries.nth(0).getByRole("button", { name: "Save" }).click();
  await expect(entries.nth(0).locator(".notebook-entry__note")).toHaveText("Money is the least of it. #costs");
  await expect(entries.nth(0).getByRole("link", { name: "#costs" })).toHaveAttribute("href", "/notebook?tag=costs");
  await page.reload();
  await expect(entries.nth(0).locator(".notebook-entry__note")).toHaveText("Money is the least of it. #costs");

  // Filters are a plain GET form: the result is a link.
  await page.getByLabel("Who can see").selectOption("private");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/visibility=private/);
  await expect(entries).toHaveCount(1);
  await page.goto("/notebook?tag=ferries");
  await expect(entries).toHaveCount(1);
  await expect(entries.first().locator("blockquote")).toHaveText(PUBLIC_WORDS);
  await page.goto("/notebook");

  expect(await axeViolations(page)).toEqual([]);
  await screenshots(page, "notebook-list", ".notebook-list");
  await entries.nth(0).getByRole("button", { name: "Edit" }).click();
  await screenshots(page, "notebook", ".notebook-page");
  await entries.nth(0).getByRole("button", { name: "Cancel" }).click();

  // By keyboard, focus follows the buttons as they come and go: Edit to the note, Escape back to Edit, Delete to Undo, Undo back to Edit.
  const edit = entries.nth(0).getByRole("button", { name: "Edit" });
  await expect(edit).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(entries.nth(0).getByLabel("Note")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(entries.nth(0).getByLabel("Note")).toHaveCount(0);
  await expect(edit).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(entries.nth(0).getByRole("button", { name: "Delete" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Undo" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(edit).toBeFocused();

  // Export from the notebook: the quotes are the essay's words.
  const fromNotebook = await download(page, () => page.getByRole("link", { name: "Markdown" }).click());
  expect(fromNotebook.name).toMatch(/^glossa-notes-nadia-[\w-]+\.md$/);
  expect(markdownQuotes(fromNotebook.text).sort()).toEqual([PUBLIC_WORDS, PRIVATE_WORDS].sort());
  expect(fromNotebook.text).toContain("#ferries #timetables · green · public");
  expect(fromNotebook.text).toContain("Money is the least of it. #costs");

  // And from the essay: only this essay's, checked against the page's own text.
  await page.goto(ESSAY);
  await page.getByText("Export my notes").click();
  const fromEssay = await download(page, () => page.locator(".reading-tools__export").getByRole("link", { name: "Markdown" }).click());
  expect(fromEssay.name).toMatch(/^glossa-harbour-post-column-nadia-[\w-]+\.md$/);
  const essayText = await page.locator("[data-essay-body]").innerText();
  const quotes = markdownQuotes(fromEssay.text);
  expect(quotes).toHaveLength(2);
  for (const quote of quotes) expect(essayText).toContain(quote);

  // Settings → Your data: everything, as one JSON file.
  await page.goto("/settings");
  const all = await download(page, () => page.getByRole("link", { name: "Download all my data" }).click());
  expect(all.name).toMatch(/^glossa-account-nadia-[\w-]+\.json$/);
  const data = JSON.parse(all.text) as { account: { handle: string }; highlights: { exact: string }[]; annotations: { total: number } };
  expect(data.account.handle).toMatch(/^nadia-/);
  expect(data.highlights.map((entry) => entry.exact).sort()).toEqual([PUBLIC_WORDS, PRIVATE_WORDS].sort());
  expect(data.annotations.total).toBe(2);
  expect(all.text).not.toContain("passwordHash");
  await screenshots(page, "settings-data", "#your-data");

  // The public highlight's tag has a page; the private one is not on it.
  await page.goto("/tags/ferries");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("#ferries");
  await expect(page.locator(".tag-page__list blockquote")).toHaveText([PUBLIC_WORDS]);
  expect(await axeViolations(page)).toEqual([]);
  await screenshots(page, "tag-page", ".tag-page");
  await page.goto("/tags/costs");
  await expect(page.getByText("No public highlight has this tag yet.")).toBeVisible();
});

test("signed out, the notebook sends the reader to sign in", async ({ page }) => {
  await page.goto("/notebook");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fnotebook$/);
});
