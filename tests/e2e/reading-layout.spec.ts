import type { Locator } from "@playwright/test";
import { select, signUp } from "./support/readers";
import { expect, randomAddress, test, type Page } from "./support/test";

const ESSAY = "/essays/reading-with-a-pencil";
const PASSAGE = "It needs to hold on to the words";

type Box = { top: number; bottom: number; left: number; right: number };

/** The passage's box in the viewport (its first text match in the essay). */
function passageBox(page: Page, words = PASSAGE): Promise<Box> {
  return page.evaluate((target) => {
    const walker = document.createTreeWalker(document.querySelector("[data-essay-body]")!, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(target);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + target.length);
      const { top, bottom, left, right } = range.getBoundingClientRect();
      return { top, bottom, left, right };
    }
    throw new Error(`not in the essay: ${target}`);
  }, words);
}

async function box(locator: Locator): Promise<Box> {
  const found = await locator.boundingBox();
  if (!found) throw new Error("not laid out");
  return { top: found.y, bottom: found.y + found.height, left: found.x, right: found.x + found.width };
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

async function shoot(page: Page, name: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: `test-results/screenshots/layout-${name}-${colorScheme}.png` });
  }
}

test("at 1280×800 the panel sits beside the passage, never over it, also while writing", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await signUp(page, "Wide");
  await page.goto(ESSAY);
  await select(page, PASSAGE);
  const toolbar = page.getByRole("toolbar", { name: "Highlight the selected passage" });
  await toolbar.getByRole("button", { name: "Comment" }).click();
  await toolbar.getByLabel("Comment on the selected passage").fill("Holding on to the words is the hard part.");
  await toolbar.getByRole("button", { name: "Post comment" }).click();
  const panel = page.getByRole("dialog");
  await expect(panel.locator(".comment__body")).toHaveText("Holding on to the words is the hard part.");
  await expect(page.locator(".highlight-panel__handle")).toBeHidden();

  // The text column has moved out of the panel's way: no line of the essay is under it.
  await expect.poll(async () => overlaps(await passageBox(page), await box(panel))).toBe(false);
  const text = await box(page.locator("[data-essay-body]"));
  expect(text.right).toBeLessThanOrEqual((await box(panel)).left);
  const passage = await passageBox(page);
  expect(passage.top).toBeGreaterThan(0);
  expect(passage.bottom).toBeLessThan(800);

  // Writing a reply in the panel leaves the passage where it was, in view.
  await panel.getByRole("button", { name: "Reply" }).first().click();
  await panel.getByLabel(/Reply to/).fill("And saying when it no longer can.");
  const whileWriting = await passageBox(page);
  expect(whileWriting.top).toBeGreaterThan(0);
  expect(whileWriting.bottom).toBeLessThan(800);
  expect(overlaps(whileWriting, await box(panel))).toBe(false);
  await shoot(page, "desktop-panel");
});

test.describe("on a 390×844 phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("the passage sheet is full width, half height, expandable, with the passage visible above it", async ({ page, browser }) => {
    // Someone comments on the passage first, so it is highlighted for everyone.
    const writer = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomAddress() } });
    const author = await writer.newPage();
    await signUp(author, "Phoebe");
    await author.goto(ESSAY);
    await select(author, "It needs to show where the attention is");
    const toolbar = author.getByRole("toolbar", { name: "Highlight the selected passage" });
    await toolbar.getByRole("button", { name: "Comment" }).click();
    await toolbar.getByLabel("Comment on the selected passage").fill("Attention, shown.");
    await toolbar.getByRole("button", { name: "Post comment" }).click();
    await expect(author.getByRole("dialog").locator(".comment__body")).toHaveText("Attention, shown.");
    await writer.close();

    await page.goto(ESSAY);
    await expect(page.locator(".margin-marker").first()).toBeVisible();
    // Tap the passage near the bottom of the screen, where a sheet would cover it.
    const words = "It needs to show where the attention is";
    const start = await passageBox(page, words);
    await page.evaluate((top) => window.scrollTo(0, window.scrollY + top - window.innerHeight + 100), start.top);
    const before = await passageBox(page, words);
    expect(before.bottom).toBeLessThan(844);
    await page.touchscreen.tap(before.left + 10, (before.top + before.bottom) / 2);

    const sheet = page.getByRole("dialog");
    await expect(sheet).toBeVisible();
    await expect.poll(async () => (await box(sheet)).right - (await box(sheet)).left).toBe(390);
    const half = await box(sheet);
    expect(half.left).toBe(0);
    expect(half.bottom - half.top).toBeGreaterThan(844 * 0.4);
    expect(half.bottom - half.top).toBeLessThan(844 * 0.6);
    // The passage has been scrolled into the space above the sheet, below the header.
    const header = await box(page.locator(".site-header"));
    await expect.poll(async () => (await passageBox(page, words)).bottom <= half.top && (await passageBox(page, words)).top >= header.bottom).toBe(true);
    await shoot(page, "phone-sheet");

    // The handle expands the sheet, by tap, by keyboard and by drag.
    const handle = sheet.getByRole("button", { name: "Expand panel" });
    await handle.click();
    await expect(sheet).toHaveAttribute("data-expanded", "true");
    await expect.poll(async () => (await box(sheet)).bottom - (await box(sheet)).top).toBeGreaterThan(844 * 0.8);
    await shoot(page, "phone-sheet-expanded");
    const shrink = sheet.getByRole("button", { name: "Shrink panel" });
    await shrink.focus();
    await page.keyboard.press("Enter");
    await expect(sheet).toHaveAttribute("data-expanded", "false");
    // Measure the handle once the sheet has settled back to half height.
    await expect.poll(async () => (await box(sheet)).bottom - (await box(sheet)).top).toBeLessThan(844 * 0.6);
    const grip = await box(handle);
    await page.mouse.move(195, (grip.top + grip.bottom) / 2);
    await page.mouse.down();
    await page.mouse.move(195, grip.top - 150, { steps: 6 });
    await page.mouse.up();
    await expect(sheet).toHaveAttribute("data-expanded", "true");
  });
});

test("margin markers never sit on the text, from 320 px up", async ({ page }) => {
  for (const width of [320, 390, 768, 1024, 1280, 1440]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto(ESSAY);
    const markers = page.locator(".margin-marker");
    await expect(markers.first()).toBeVisible();
    const text = await box(page.locator("[data-essay-body]"));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    for (const marker of await markers.all()) {
      const at = await box(marker);
      expect(at.left, `a marker at ${width} px`).toBeGreaterThanOrEqual(text.right);
      expect(at.right, `a marker at ${width} px`).toBeLessThanOrEqual(width);
      // Sub-pixel layout can land a 24 px box at 23.99997.
      expect(Math.round(at.bottom - at.top)).toBeGreaterThanOrEqual(24);
    }
  }
});

test("the contents mark the section being read, and the home page's meta line never starts with a dot", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(ESSAY);
  const toc = page.getByRole("navigation", { name: "Contents" });
  await expect(toc.locator("[aria-current]")).toHaveCount(0);
  const second = toc.getByRole("link").nth(1);
  await page.locator((await second.getAttribute("href"))!).evaluate((heading) => heading.scrollIntoView());
  await expect(second).toHaveAttribute("aria-current", "location");
  await expect(toc.locator("[aria-current]")).toHaveCount(1);

  // On a narrow phone the meta line wraps between items; the dot before a line's first item is clipped away.
  await page.setViewportSize({ width: 320, height: 700 });
  await page.goto("/");
  const meta = page.locator(".essay-card", { hasText: "Reading With a Pencil" }).locator(".essay-meta");
  const lines = await meta.evaluate((line) => {
    // What the reader sees starts at the clip edge: 1.4em right of the line's box.
    const edge = line.getBoundingClientRect().left + parseFloat(getComputedStyle(line).fontSize) * 1.4;
    const items = [...line.querySelectorAll(".essay-meta__item")].map((item) => ({ top: Math.round(item.getBoundingClientRect().top), left: item.getBoundingClientRect().left }));
    const visibleDots = [...line.querySelectorAll(".essay-meta__dot")].map((dot) => dot.getBoundingClientRect()).filter((dot) => dot.right > edge + 0.5);
    return { rows: new Set(items.map((item) => item.top)).size, strays: visibleDots.filter((dot) => !items.some((item) => item.top === Math.round(dot.top) && item.left < dot.left - 1)).length };
  });
  expect(lines.rows).toBeGreaterThan(1);
  expect(lines.strays).toBe(0);
});
