import { select, signUp } from "./support/readers";
import { expect, randomAddress, test, type Page } from "./support/test";

const ESSAY = "/essays/reading-with-a-pencil";
const FIRST = "Every serious reader has owned a book that argued back.";
const SECOND = "Somewhere in a second-hand shop there is a copy of a famous essay whose margins are crowded with a stranger's objections, exclamation marks and small, furious question marks.";

const painted = (page: Page, name: string) => page.evaluate((highlightName) => [...(CSS.highlights.get(highlightName) ?? [])].map((range) => (range as Range).toString()), name);
/** Opens the essay and waits until its highlights have loaded (the page keeps an event stream open, so it never goes network-idle). */
async function openEssay(page: Page) {
  const loaded = page.waitForResponse((response) => /^\/api\/essays\/[^/]+\/highlights$/.test(new URL(response.url()).pathname));
  await page.goto(ESSAY);
  await loaded;
}

/** What has focus, described; fails the step when it is <body> (or nothing). */
async function focusIsNotOnBody(page: Page, step: string) {
  const where = await page.evaluate(() => {
    const active = document.activeElement;
    if (!active || active === document.body) return "body";
    return active.closest("[role=dialog]") ? "panel" : active.closest("[data-selection-ui]") ? "toolbar" : active.hasAttribute("data-block") ? "paragraph" : active.tagName.toLowerCase();
  });
  expect(where, `focus after: ${step}`).not.toBe("body");
  return where;
}

test("keyboard only: from a paragraph to a saved highlight and back to the text, focus never on <body>", async ({ page }) => {
  await signUp(page, "kira");
  await openEssay(page);

  // The keyboard control is an early Tab stop, and names its shortcut.
  const control = page.getByRole("button", { name: /Highlight with keyboard/ });
  await expect(control).toHaveAttribute("aria-keyshortcuts", "Alt+Shift+H");
  let tabs = 0;
  while (!(await control.evaluate((element) => element === document.activeElement)) && tabs < 30) {
    await page.keyboard.press("Tab");
    tabs += 1;
  }
  console.log(`Tab stops to "Highlight with keyboard": ${tabs}`);
  expect(tabs).toBeLessThan(14);

  // The shortcut turns keyboard mode on and puts focus on the first paragraph in view.
  await page.keyboard.press("Alt+Shift+KeyH");
  expect(await focusIsNotOnBody(page, "shortcut")).toBe("paragraph");
  await expect(page.getByRole("note")).toContainText("Shift+←");
  await page.keyboard.press("s");
  const toolbar = page.getByRole("toolbar", { name: "Highlight the selected passage" });
  await expect(toolbar).toBeVisible();
  await expect(toolbar.getByRole("button", { name: "Highlight yellow" })).toBeFocused();
  const box = (await toolbar.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  await expect.poll(() => painted(page, "glossa-pending")).toEqual([FIRST]);

  // Shift+arrows move the end by a word; with Alt, by a sentence.
  await page.keyboard.press("Shift+ArrowRight");
  await expect.poll(() => painted(page, "glossa-pending")).toEqual([`${FIRST} Somewhere`]);
  await page.keyboard.press("Shift+ArrowLeft");
  await expect.poll(() => painted(page, "glossa-pending")).toEqual([FIRST]);
  await page.keyboard.press("Shift+Alt+ArrowRight");
  await expect.poll(() => painted(page, "glossa-pending")).toEqual([`${FIRST} ${SECOND}`]);
  await page.keyboard.press("Shift+Alt+ArrowLeft");
  await expect.poll(() => painted(page, "glossa-pending")).toEqual([FIRST]);
  await focusIsNotOnBody(page, "adjusting");

  await page.keyboard.press("Enter");
  await expect.poll(() => painted(page, "glossa-private-yellow")).toEqual([FIRST]);
  expect(await painted(page, "glossa-mine-yellow")).toEqual([]);
  expect(await focusIsNotOnBody(page, "highlighting")).toBe("paragraph");

  // Escape from the toolbar goes back to the paragraph too.
  await page.keyboard.press("s");
  await expect(toolbar).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(toolbar).toHaveCount(0);
  expect(await focusIsNotOnBody(page, "Escape from the toolbar")).toBe("paragraph");

  // A note: the passage stays marked while writing, and Save saves.
  await page.keyboard.press("s");
  await toolbar.getByRole("button", { name: "Note" }).focus();
  await page.keyboard.press("Enter");
  await expect(toolbar.getByRole("textbox", { name: "Note" })).toBeFocused();
  await page.keyboard.type("The whole argument in one line.");
  expect((await painted(page, "glossa-pending")).length).toBe(1);
  await page.keyboard.press("Tab");
  await expect(toolbar.getByRole("button", { name: "Save highlight" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText("Only you can see it");
  expect(await focusIsNotOnBody(page, "saving a note")).toBe("paragraph");

  // The panel takes focus when it opens and gives it back on Escape.
  const marker = page.locator(".margin-marker").first();
  await marker.focus();
  await page.keyboard.press("Enter");
  const panel = page.getByRole("dialog");
  await expect(panel).toBeVisible();
  expect(await focusIsNotOnBody(page, "opening the panel")).toBe("panel");
  await expect(panel).toContainText("only you can see it");
  await page.keyboard.press("Tab");
  expect(await focusIsNotOnBody(page, "Tab in the panel")).toBe("panel");
  await page.keyboard.press("Escape");
  await expect(panel).toHaveCount(0);
  await expect(marker).toBeFocused();
});

test("private looks private, and the same passage cannot be highlighted twice", async ({ page }) => {
  await signUp(page, "pia");
  await page.goto(ESSAY);
  const toolbar = page.getByRole("toolbar", { name: "Highlight the selected passage" });
  await select(page, "The result is predictable.");
  await toolbar.getByRole("radio", { name: "Public" }).click();
  await toolbar.getByRole("button", { name: "Highlight blue" }).click();
  await expect.poll(() => painted(page, "glossa-mine-blue")).toEqual(["The result is predictable."]);
  await select(page, "None of this is a failure of manners.");
  await toolbar.getByRole("radio", { name: "Only me" }).click();
  await toolbar.getByRole("button", { name: "Highlight blue" }).click();
  await expect.poll(() => painted(page, "glossa-private-blue")).toEqual(["None of this is a failure of manners."]);
  await expect(page.locator(".reading-tools__legend")).toContainText("dashed");

  // The same words again: the existing highlight opens instead of a second one.
  await select(page, "None of this is a failure of manners.");
  await toolbar.getByRole("button", { name: "Highlight green" }).click();
  await expect(page.getByRole("status")).toContainText("already highlighted");
  await expect(page.getByRole("dialog")).toContainText("only you can see it");
  expect(await painted(page, "glossa-private-green")).toEqual([]);

  // And the server refuses a repeat however it is sent.
  const essayId = await page.locator("[data-essay-body]").getAttribute("data-essay-id");
  const mine = (await (await page.request.get(`/api/essays/${essayId}/highlights`)).json()) as { highlights: { revisionId: string; start: number; end: number; exact: string; mine: boolean }[] };
  const { revisionId, start, end, exact } = mine.highlights.find((highlight) => highlight.mine && highlight.exact === "The result is predictable.")!;
  const again = await page.evaluate(
    async ([url, body]) => {
      const response = await fetch(url!, { method: "POST", headers: { "content-type": "application/json" }, body });
      return { status: response.status, message: ((await response.json()) as { error: { message: string } }).error.message };
    },
    [`/api/essays/${essayId}/highlights`, JSON.stringify({ revisionId, start, end, exact, colour: "pink" })],
  );
  expect(again.status).toBe(409);
  expect(again.message).toContain("already highlighted");

  // A comment is always public: no visibility switch while writing one.
  await page.keyboard.press("Escape");
  await select(page, "It is a failure of architecture.");
  await toolbar.getByRole("button", { name: "Comment" }).click();
  await expect(toolbar.getByRole("radiogroup", { name: "Who can see it" })).toHaveCount(0);
  await expect(toolbar).toContainText("public discussion");
});

for (const { name, viewport, phone } of [
  { name: "desktop", viewport: { width: 1280, height: 800 }, phone: false },
  { name: "phone", viewport: { width: 390, height: 844 }, phone: true },
]) {
  for (const colorScheme of ["light", "dark"] as const) {
    test(`screenshots of the keyboard path, ${name}, ${colorScheme}`, async ({ browser }) => {
      const reader = await browser.newContext({ viewport, isMobile: phone, hasTouch: phone, colorScheme, extraHTTPHeaders: { "x-forwarded-for": randomAddress() } });
      const page = await reader.newPage();
      await signUp(page, "shot");
      await openEssay(page);
      await select(page, "The result is predictable.");
      await page.getByRole("toolbar").getByRole("button", { name: "Highlight purple" }).click();
      await expect.poll(() => painted(page, "glossa-private-purple")).toHaveLength(1);
      await page.keyboard.press("Alt+Shift+KeyH");
      await page.keyboard.press("s");
      await expect(page.getByRole("toolbar")).toBeVisible();
      await page.screenshot({ path: `test-results/screenshots/keyboard-toolbar-${name}-${colorScheme}.png` });
      // Every control in the toolbar meets the target size.
      const small = await page.getByRole("toolbar").evaluate(
        (toolbar, minimum) => {
          return [...toolbar.querySelectorAll("button, a")].map((control) => control.getBoundingClientRect()).filter((rect) => rect.width < minimum || rect.height < minimum).length;
        },
        phone ? 44 : 24,
      );
      expect(small).toBe(0);
      await page.keyboard.press("Escape");
      await page.locator(".margin-marker").first().focus();
      await page.keyboard.press("Enter");
      await expect(page.getByRole("dialog")).toBeVisible();
      await page.screenshot({ path: `test-results/screenshots/keyboard-panel-${name}-${colorScheme}.png` });
      await reader.close();
    });
  }
}
