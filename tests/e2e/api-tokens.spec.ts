import { signUp } from "./support/readers";
import { expect, test } from "./support/test";

// Settings → API tokens by keyboard alone: focus lands on what appeared and
// never falls back to the top of the page when a button goes away.

test("a keyboard reader creates a token, lands on Copy, and keeps their place through Done and Revoke", async ({ page }) => {
  await signUp(page, "tokens");
  await page.goto("/settings");
  const name = page.getByLabel("Token name");
  for (const label of ["Zotero", "Obsidian"]) {
    await name.focus();
    await page.keyboard.type(label);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("button", { name: "Copy token" })).toBeFocused();
    await expect(page.getByTestId("api-token-secret")).toHaveText(/^glossa_[A-Za-z0-9_-]{43}$/);
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Done" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("api-token-secret")).toHaveCount(0);
    await expect(name).toBeFocused();
  }
  // Newest first: revoking Obsidian moves focus to Zotero's Revoke, revoking that one to the name field.
  await page.getByRole("button", { name: "Revoke Obsidian" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Revoke Obsidian" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Revoke Zotero" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("You have no API tokens.")).toBeVisible();
  await expect(name).toBeFocused();
});
