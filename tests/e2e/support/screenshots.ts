import type { Page } from "@playwright/test";

/** `subject` at 1280 and 390 px wide, light and dark, into test-results/screenshots/, for looking at; the page is left at 1280 px, light. */
export async function screenshots(page: Page, name: string, subject: string): Promise<void> {
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const) {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme });
      await page.locator(subject).first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/screenshots/${name}-${width}-${colorScheme}.png` });
    }
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.emulateMedia({ colorScheme: "light" });
}
