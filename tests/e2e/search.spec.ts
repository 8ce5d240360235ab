import AxeBuilder from "@axe-core/playwright";
import { select, signUp } from "./support/readers";
import { screenshots } from "./support/screenshots";
import { expect, test, type Page } from "./support/test";

const ESSAY = "/essays/reading-with-a-pencil";

async function axe(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.map((violation) => `[${violation.impact}] ${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(" | ")}`);
}

test("a reader finds their private note from the header's search box and lands on the highlighted passage; nobody else finds it", async ({ page, browser }) => {
  const word = `marginalia${Date.now().toString(36).replace(/[0-9]/g, "")}`;
  await signUp(page, "sadia");
  await page.goto(ESSAY);
  await select(page, "None of this is a failure of manners.");
  const toolbar = page.getByRole("toolbar", { name: "Highlight the selected passage" });
  await toolbar.getByRole("button", { name: "Note" }).click();
  await toolbar.getByRole("textbox", { name: "Note" }).fill(`The turn of the argument, ${word}.`);
  await toolbar.getByRole("button", { name: "Save highlight" }).click();
  await expect(page.getByRole("status")).toContainText("Only you can see it");

  // The header's box is a plain form: Enter takes the reader to /search.
  const box = page.getByRole("searchbox", { name: "Search essays, comments and highlights" });
  await box.fill(word);
  await box.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${word}$`));
  const result = page.getByTestId("search-result");
  await expect(result).toHaveCount(1);
  await expect(result).toContainText("Your highlight");
  await expect(result).toContainText("Private: only you");
  await expect(result.locator("blockquote")).toHaveText("None of this is a failure of manners.");
  await expect(result.locator("mark")).toHaveText(word);
  await expect(page.getByRole("link", { name: /Highlights 1/ })).toBeVisible();
  expect(await axe(page)).toEqual([]);
  await screenshots(page, "search-results", ".search-page");

  await result.getByRole("link", { name: "Your highlight" }).click();
  await expect(page).toHaveURL(/\/essays\/reading-with-a-pencil#hl-[\w-]+$/);
  const panel = page.getByRole("dialog");
  await expect(panel).toContainText("None of this is a failure of manners.");
  await expect(panel.getByRole("textbox", { name: "Note" })).toHaveValue(`The turn of the argument, ${word}.`);
  await expect.poll(() => page.evaluate(() => CSS.highlights.has("glossa-flash"))).toBe(true);

  // Signed out, or another reader: the private note is not found.
  const stranger = await browser.newContext();
  const strangerPage = await stranger.newPage();
  await strangerPage.goto(`/search?q=${word}`);
  await expect(strangerPage.getByText(`Nothing found for “${word}”`)).toBeVisible();
  await expect(strangerPage.getByTestId("search-result")).toHaveCount(0);

  // Essays by their words, with filters that survive in the address.
  await strangerPage.goto("/search?q=pencil&kind=essays");
  await expect(strangerPage.getByTestId("search-result").first()).toContainText("Essay");
  await expect(strangerPage.getByRole("link", { name: /Essays \d/ })).toHaveAttribute("aria-current", "page");
  // A filter in the address opens the filters.
  await expect(strangerPage.locator(".search-form__filters")).toHaveAttribute("open", "");
  await strangerPage.getByLabel("Author").fill("no one here");
  await strangerPage.getByRole("button", { name: "Search" }).click();
  await expect(strangerPage.getByText("An author is a handle, like @ada.")).toBeVisible();
  await expect(strangerPage.getByLabel("Author")).toHaveAttribute("aria-invalid", "true");
  expect(await axe(strangerPage)).toEqual([]);
  await screenshots(strangerPage, "search-filters", ".search-page");

  // On a phone the header's box gives way to a link to the search page.
  await strangerPage.setViewportSize({ width: 390, height: 844 });
  await strangerPage.goto("/");
  await expect(strangerPage.getByRole("searchbox", { name: "Search essays, comments and highlights" })).toBeHidden();
  await strangerPage.getByRole("link", { name: "Search", exact: true }).click();
  await expect(strangerPage).toHaveURL(/\/search$/);
  await expect(strangerPage.getByRole("searchbox", { name: "Search for" })).toBeVisible();
  await stranger.close();
});
