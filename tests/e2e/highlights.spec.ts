import { PASSWORD, select, signUp } from "./support/readers";
import { expect, randomAddress, test, type Page } from "./support/test";

const ESSAY = "/essays/reading-with-a-pencil";

const paintedCount = (page: Page, name: string) => page.evaluate((highlightName) => CSS.highlights.get(highlightName)?.size ?? 0, name);

test("highlight a passage, keep it across reloads, share it publicly, follow its link, delete and undo", async ({ page, browser }) => {
  await signUp(page, "hana");
  await page.goto(ESSAY);
  await select(page, "it keeps the reply next to the sentence");
  const toolbar = page.getByRole("toolbar", { name: "Highlight the selected passage" });
  await expect(toolbar).toBeVisible();
  await expect(toolbar.getByRole("radio", { name: "Only me" })).toHaveAttribute("aria-checked", "true");
  await toolbar.getByRole("radio", { name: "Public" }).click();
  await toolbar.getByRole("button", { name: "Highlight green" }).click();
  await expect(page.getByRole("status")).toContainText("Everyone can see it.");
  await expect.poll(() => paintedCount(page, "glossa-mine-green")).toBe(1);

  await select(page, "None of this is a failure of manners.");
  await toolbar.getByRole("radio", { name: "Only me" }).click();
  await toolbar.getByRole("button", { name: "Highlight pink" }).click();
  await expect.poll(() => paintedCount(page, "glossa-private-pink")).toBe(1);

  await page.reload();
  await expect.poll(() => paintedCount(page, "glossa-mine-green")).toBe(1);
  await expect.poll(() => paintedCount(page, "glossa-private-pink")).toBe(1);
  const ownParagraph = page.locator("[data-block]", { hasText: "None of this is a failure of manners." }).first();
  await expect(ownParagraph).toHaveAttribute("aria-details", /^highlight-details-/);
  const ownDetails = page.locator(`#${await ownParagraph.getAttribute("aria-details")}`);
  await expect(ownDetails).toContainText("“None of this is a failure of manners.”: your private pink highlight.");

  // Painted before the page's JavaScript runs: the inline first paint needs none of it.
  await page.route("**/_next/static/chunks/**", (route) => route.abort());
  await page.reload();
  await expect.poll(() => paintedCount(page, "glossa-mine-green")).toBe(1);
  await expect.poll(() => paintedCount(page, "glossa-private-pink")).toBe(1);
  expect(await page.evaluate(() => Object.keys(document.querySelector(".reading-tools")!).some((key) => key.startsWith("__reactFiber$")))).toBe(false);
  await page.unrouteAll();
  await page.reload();

  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomAddress() } });
  const otherPage = await other.newPage();
  await signUp(otherPage, "omar");
  await otherPage.goto(ESSAY);
  await expect.poll(() => paintedCount(otherPage, "glossa-readers-1")).toBe(1);
  const shared = await otherPage.evaluate(() => [...CSS.highlights.get("glossa-readers-1")!].map((range) => (range as Range).toString()));
  expect(shared).toEqual(["it keeps the reply next to the sentence"]);
  await expect(otherPage.locator(".reading-tools__counts")).toHaveText("1 highlight by 1 reader");
  // What is painted is also said: the paragraph points screen readers at its highlights.
  const paragraph = otherPage.locator("[data-block]", { hasText: "it keeps the reply next to the sentence" });
  await expect(paragraph).toHaveAttribute("aria-details", /^highlight-details-/);
  const details = otherPage.locator(`#${await paragraph.getAttribute("aria-details")}`);
  await expect(details.getByRole("listitem")).toHaveText(["“it keeps the reply next to the sentence”: 1 other reader."]);
  await expect(otherPage.locator("[data-block][aria-details]")).toHaveCount(1);
  // The API, too, gives the other reader (and the signed-out) only the public highlight.
  const essayId = await otherPage.locator("[data-essay-body]").getAttribute("data-essay-id");
  for (const client of [otherPage.request, (await browser.newContext()).request]) {
    const listed = (await (await client.get(`/api/essays/${essayId}/highlights`)).json()) as { highlights: { exact: string }[] };
    expect(listed.highlights.map((highlight) => highlight.exact)).toEqual(["it keeps the reply next to the sentence"]);
  }
  const ownList = (await (await page.request.get(`/api/essays/${essayId}/highlights`)).json()) as { highlights: { exact: string }[] };
  expect(ownList.highlights.map((highlight) => highlight.exact).sort()).toEqual(["None of this is a failure of manners.", "it keeps the reply next to the sentence"]);

  // The owner copies a link to the highlight; the other reader follows it.
  await page.locator(".margin-marker").first().click();
  const panel = page.getByRole("dialog");
  await expect(panel).toContainText("it keeps the reply next to the sentence");
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await panel.getByRole("button", { name: "Copy link" }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/essays\/reading-with-a-pencil#hl-[\w-]+$/);
  await otherPage.goto(link);
  await expect(otherPage.getByRole("dialog")).toContainText("1 reader highlighted this");
  await expect.poll(() => otherPage.evaluate(() => CSS.highlights.has("glossa-flash"))).toBe(true);
  await other.close();

  await panel.getByRole("button", { name: "Delete" }).click();
  await expect.poll(() => paintedCount(page, "glossa-mine-green")).toBe(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("status")).toContainText("Highlight restored.");
  await expect.poll(() => paintedCount(page, "glossa-mine-green")).toBe(1);
  await page.reload();
  await expect.poll(() => paintedCount(page, "glossa-mine-green")).toBe(1);

  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.locator(".margin-marker").first().click();
  await page.screenshot({ path: "test-results/screenshots/highlights-desktop.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.keyboard.press("Escape");
  await select(page, "The result is predictable.");
  await expect(page.getByRole("toolbar")).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/highlights-phone.png" });
});

test("the layer switch shows mine, everyone's or none", async ({ page }) => {
  await signUp(page, "lena");
  await page.goto(ESSAY);
  await select(page, "It is a failure of architecture.");
  await page.getByRole("button", { name: "Highlight blue" }).click();
  await expect.poll(() => paintedCount(page, "glossa-private-blue")).toBe(1);
  await page.getByRole("radio", { name: "None" }).click();
  await expect.poll(() => paintedCount(page, "glossa-private-blue")).toBe(0);
  await page.getByRole("radio", { name: "Mine" }).click();
  await expect.poll(() => paintedCount(page, "glossa-private-blue")).toBe(1);
});

test("a highlight made before the page's full list arrives stays when the list lands", async ({ page }) => {
  await signUp(page, "lena");
  // The list, read before the highlight is made, arrives after it, as on a slow connection to a busy essay.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  // The server reads the list at once; only its delivery waits.
  await page.route("**/api/essays/*/highlights", async (route) => {
    if (route.request().method() !== "GET") return route.continue();
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
  });
  const listed = page.waitForResponse((response) => response.url().includes("/highlights") && response.request().method() === "GET");
  await page.goto(ESSAY);
  await select(page, "It is a failure of architecture.");
  await page.getByRole("button", { name: "Highlight purple" }).click();
  await expect(page.getByRole("status")).toContainText("Only you can see it");
  release();
  await listed;
  // What would drop it is the list's own render, a frame or two after the response; half a second covers it on a slow machine.
  await page.waitForTimeout(500);
  expect(await paintedCount(page, "glossa-private-purple")).toBe(1);
  await expect(page.locator(".reading-tools__counts")).toContainText("· 1 yours");
});

test("a keyboard-only reader can highlight a paragraph", async ({ page }) => {
  await signUp(page, "kai");
  await page.goto(ESSAY);
  await page.getByRole("button", { name: /Highlight with keyboard/ }).click();
  await page.locator("[data-essay-body] p").first().focus();
  await page.keyboard.press("s");
  const toolbar = page.getByRole("toolbar", { name: "Highlight the selected passage" });
  await expect(toolbar).toBeVisible();
  await expect(page.getByRole("button", { name: "Highlight yellow" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect
    .poll(() => page.evaluate(() => [...(CSS.highlights.get("glossa-private-yellow") ?? [])].map((range) => (range as Range).toString())))
    .toEqual(["Every serious reader has owned a book that argued back."]);
});

test("a signed-out reader is asked to sign in and comes back to the passage", async ({ page }) => {
  await page.goto(ESSAY);
  await expect(page.locator(".reading-tools").getByRole("link", { name: "Sign in to highlight or comment" })).toBeVisible();

  // A selection outside the essay body (here, the standfirst) is ignored.
  await select(page, "What would it take", ".essay__dek");
  await page.waitForTimeout(200);
  await expect(page.getByRole("toolbar")).toHaveCount(0);

  await select(page, "The careful reader who disagrees");
  const signIn = page.getByRole("toolbar").getByRole("link", { name: "Sign in to highlight or comment" });
  await expect(signIn).toBeVisible();
  const href = await signIn.getAttribute("href");
  expect(decodeURIComponent(href!)).toMatch(/callbackUrl=\/essays\/reading-with-a-pencil#p-\d+$/);
  await signIn.click();
  await page.getByRole("link", { name: "Create an account" }).click();
  await expect(page).toHaveURL(/\/signup\?callbackUrl=/);
  // Fill the form once it is interactive: typing into it before hydration can be lost.
  await page.waitForLoadState("networkidle");
  await page.getByLabel("Email").fill(`returning-${Date.now()}@example.test`);
  await page.getByLabel("Handle").fill(`returning-${Date.now().toString(36)}`);
  await page.getByLabel("Display name").fill("Returning Reader");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/essays\/reading-with-a-pencil#p-\d+$/);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
});
