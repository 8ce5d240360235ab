import { newReader, signUp } from "./support/readers";
import { expect, test, type Page } from "./support/test";
import { screenshots } from "./support/screenshots";

const ESSAY = "/essays/harbour-post-column";

async function post(page: Page, body: string) {
  await page.getByLabel("Comment on the essay as a whole").fill(body);
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.locator("#panel-general .comment__body", { hasText: body.slice(0, 20) }).first()).toBeVisible();
}

test("the bell updates live, its dropdown opens by keyboard, opening marks read, and @mentions notify", async ({ page, browser }) => {
  // Two readers and the 5 s between one reader's comments.
  test.setTimeout(120_000);
  const anaHandle = await signUp(page, "Ana");
  // Only the bell's event stream may tell Ana: its polling fallback is cut off.
  await page.route("**/api/notifications/summary", (route) => route.abort());
  await page.goto(ESSAY);
  const title = (await page.locator("h1").first().textContent())!.trim();
  await post(page, "Ferries at night are the real test of a timetable.");

  // Ben replies; Ana's bell counts it without a reload.
  const ben = await newReader(browser);
  const benHandle = await signUp(ben.page, "Ben");
  await ben.page.goto(ESSAY);
  const root = ben.page.locator("#panel-general .comment", { hasText: "Ferries at night" }).first();
  await root.getByRole("button", { name: "Reply" }).click();
  await root.getByLabel(/Reply to Ana/).fill("Night crossings are where reliability shows.");
  await root.getByRole("button", { name: "Reply", exact: true }).last().click();
  await expect(root.locator(".comment__replies .comment__body")).toHaveText("Night crossings are where reliability shows.");

  // Live over the stream: within 3 s (the bell used to poll, up to 15 s apart).
  const bell = page.getByTestId("notification-bell");
  await expect(page.getByTestId("unread-badge")).toHaveText("1", { timeout: 3_000 });
  await expect(bell).toHaveAccessibleName("Notifications, 1 unread");

  // The dropdown: a disclosure the keyboard opens and Escape closes, focus back on the bell.
  await bell.focus();
  await page.keyboard.press("Enter");
  await expect(bell).toHaveAttribute("aria-expanded", "true");
  const item = page.locator(".bell__panel [data-testid=notification]").first();
  await expect(item).toContainText("replied: Night crossings are where reliability shows.");
  await expect(item).toContainText(`on “${title}”`);
  await screenshots(page, "notifications-dropdown", ".bell__panel");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Escape");
  await expect(bell).toHaveAttribute("aria-expanded", "false");
  await expect(bell).toBeFocused();
  await expect(page.locator(".bell__panel")).toBeHidden();

  // Opening the notification marks it read on the server and goes to the reply.
  await bell.click();
  await item.getByRole("link").click();
  await expect(page).toHaveURL(/\/essays\/harbour-post-column\/comments\/\d+$/);
  await expect(page.locator(".comment--target .comment__body")).toHaveText("Night crossings are where reliability shows.");
  await expect(page.getByTestId("unread-badge")).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId("unread-badge")).toHaveCount(0);
  await expect(bell).toHaveAccessibleName("Notifications");

  // The thread's first comment can be watched; the choice is kept.
  await page.goto(ESSAY);
  const mine = page.locator("#panel-general .comment", { hasText: "Ferries at night" }).first();
  const watch = mine.getByLabel("Notifications for this thread").first();
  await expect(watch).toBeEnabled();
  const saved = page.waitForResponse((response) => response.url().endsWith("/watch") && response.ok());
  await watch.selectOption("watch");
  await saved;
  await page.reload();
  await expect(page.locator("#panel-general .comment", { hasText: "Ferries at night" }).first().getByLabel("Notifications for this thread").first()).toHaveValue("watch");

  // Ana mentions Ben, choosing his handle from the suggestions; Ben's bell counts it live.
  await page.waitForTimeout(5_200);
  const composer = page.getByLabel("Comment on the essay as a whole");
  await composer.click();
  await composer.pressSequentially(`Asking @${benHandle.slice(0, -2)}`);
  const option = page.getByRole("option", { name: new RegExp(`@${benHandle}`) });
  await expect(option).toBeVisible();
  // The textarea keeps its role; it points assistive technology at the active option, and lets go once the list closes.
  const optionId = await option.getAttribute("id");
  await expect(composer).toHaveAttribute("aria-activedescendant", optionId!);
  await expect(option).toHaveAttribute("aria-selected", "true");
  await screenshots(page, "notifications-autocomplete", ".mention-suggestions");
  await page.keyboard.press("Enter");
  await expect(composer).toHaveValue(`Asking @${benHandle} `);
  await expect(composer).not.toHaveAttribute("aria-activedescendant");
  await composer.pressSequentially("what he makes of winter timetables.");
  await page.getByRole("button", { name: "Post comment" }).click();
  await expect(page.locator("#panel-general .comment__body", { hasText: "winter timetables" }).first()).toBeVisible();
  // The server's copy links the mention to Ben's profile.
  const mention = page
    .locator("#panel-general .comment__body", { hasText: "winter timetables" })
    .first()
    .getByRole("link", { name: `@${benHandle}` });
  await expect(mention).toHaveAttribute("href", new RegExp(`^/u/${benHandle}$`, "i"));

  const benBell = ben.page.getByTestId("notification-bell");
  await expect(ben.page.getByTestId("unread-badge")).toHaveText("1", { timeout: 3_000 });
  await benBell.click();
  await expect(ben.page.locator(".bell__panel [data-testid=notification]").first()).toContainText(`(@${anaHandle}) mentioned you: Asking @${benHandle}`);
  // A second tab of Ben's shares the first one's stream; reading there clears the bell here too, live.
  const second = await ben.context.newPage();
  await second.goto(ESSAY);
  await expect(second.getByTestId("unread-badge")).toHaveText("1");
  await second.getByTestId("notification-bell").click();
  await second.getByRole("button", { name: "Mark all read" }).click();
  await expect(second.getByTestId("unread-badge")).toHaveCount(0);
  await expect(ben.page.getByTestId("unread-badge")).toHaveCount(0, { timeout: 3_000 });
  await ben.context.close();
});
