import { expect, randomAddress, test, type Page } from "./support/test";

const PASSWORD = "correct horse battery staple";

function uniqueReader() {
  const id = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  return { email: `reader-${id}@example.test`, handle: `reader-${id}`, name: "Rosa Reader" };
}

async function signUp(page: Page, reader: ReturnType<typeof uniqueReader>) {
  await page.goto("/signup");
  await page.getByLabel("Email").fill(reader.email);
  await page.getByLabel("Handle").fill(reader.handle);
  await page.getByLabel("Display name").fill(reader.name);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(`@${reader.handle}`);
}

async function signIn(page: Page, email: string, password = PASSWORD) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("sign up, sign out, sign in, rename, and sign out everywhere", async ({ page, browser }) => {
  const reader = uniqueReader();
  await signUp(page, reader);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await signIn(page, reader.email, "not the password at all");
  await expect(page.locator(".form-message--error")).toHaveText("That email and password do not match an account.");
  await signIn(page, reader.email);
  await expect(page.getByTestId("signed-in-as")).toContainText(`@${reader.handle}`);

  await page.goto("/settings");
  await page.getByLabel("Display name").fill("Rosa R. Reader");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("status")).toHaveText("Display name saved.");
  await page.goto(`/u/${reader.handle}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Rosa R. Reader");

  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomAddress() } });
  const otherPage = await other.newPage();
  await signIn(otherPage, reader.email);
  await expect(otherPage.getByTestId("signed-in-as")).toBeVisible();

  await page.goto("/settings");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/signin/);

  await otherPage.goto("/settings");
  await expect(otherPage).toHaveURL(/\/signin\?callbackUrl=%2Fsettings/);
  await expect(otherPage.getByTestId("signed-in-as")).toHaveCount(0);
  await other.close();
});

test("signing in returns to the page the reader came from, never to another site", async ({ page }) => {
  const reader = uniqueReader();
  await signUp(page, reader);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();

  await page.goto("/signin?callbackUrl=%2Fessays%2Freading-with-a-pencil%23s-try-it-here");
  await page.getByLabel("Email").fill(reader.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/essays\/reading-with-a-pencil#s-try-it-here$/);

  await page.goto("/signin?callbackUrl=https%3A%2F%2Fevil.example%2F");
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/$/);

  // Paths that normalise to //evil.example: signed in, the page redirects at once; it must stay here.
  const attacks = ["%2F..%2F%2Fevil.example", "%2F.%2F%2Fevil.example", "%2F.%2F%5Cevil.example", "%2Fa%2F..%2F%2Fevil.example", "%2F%2509%2Fevil.example", "%2F%252F%252Fevil.example"];
  for (const attack of attacks) {
    for (const entry of ["/signin", "/signup"]) {
      await page.goto(`${entry}?callbackUrl=${attack}`);
      await expect(page, `${entry} ${attack}`).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    }
  }

  // Signed out, a real sign-in from such a link lands on the home page, not on evil.example.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/signin?callbackUrl=%2F..%2F%2Fevil.example");
  await page.getByLabel("Email").fill(reader.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(`@${reader.handle}`);
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/$/);
});

test("a sign-in sets a device cookie only for the sign-in endpoint, and HSTS is absent over http", async ({ page, context }) => {
  const reader = uniqueReader();
  await signUp(page, reader);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await signIn(page, reader.email);
  await expect(page.getByTestId("signed-in-as")).toContainText(`@${reader.handle}`);
  const device = (await context.cookies()).find((cookie) => cookie.name.endsWith("glossa.device"));
  expect(device).toMatchObject({ path: "/api/auth/callback/credentials", httpOnly: true, sameSite: "Strict" });
  const response = await page.goto("/");
  expect(response!.headers()["strict-transport-security"]).toBeUndefined();
});

test("bad sign-up input gets a message beside each field", async ({ page }) => {
  await page.goto("/signup");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel("Handle").fill("x");
  await page.getByLabel("Display name").fill("Someone");
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#email-error")).toContainText("Enter an email address like name@example.com.");
  await expect(page.locator("#handle-error")).toContainText("at least 3 characters");
  await expect(page.locator("#password-error")).toContainText("at least 10 characters");
});

test("every page carries a nonce CSP and security headers, and hydrates without violations", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto("/signin");
  const headers = response!.headers();
  const csp = headers["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(directive);
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  // Hydrated: the client-side form handles submission (no full-page GET with the password in the URL).
  await page.getByLabel("Email").fill("nobody@example.test");
  await page.getByLabel("Password").fill("whatever-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator(".form-message--error")).toBeVisible();
  expect(page.url()).not.toContain("password");
  expect(violations).toEqual([]);
});

test("account pages, screenshots at desktop and phone widths", async ({ page }) => {
  const reader = uniqueReader();
  await signUp(page, reader);
  for (const [name, width, height] of [
    ["desktop", 1280, 900],
    ["phone", 390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto("/settings");
    await page.screenshot({ path: `test-results/screenshots/settings-${name}.png`, fullPage: true });
  }
  // On a phone the account's links are in the header's menu.
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeHidden();
  await page.locator(".account-menu summary").click();
  await expect(page.getByRole("link", { name: "Settings" })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/header-menu-phone.png" });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  for (const [name, width, height] of [
    ["desktop", 1280, 900],
    ["phone", 390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.goto("/signin");
    await page.screenshot({ path: `test-results/screenshots/signin-${name}.png` });
    await page.goto("/signup");
    await page.screenshot({ path: `test-results/screenshots/signup-${name}.png` });
  }
});
