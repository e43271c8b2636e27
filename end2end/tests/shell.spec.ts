// The page shell on every page: the static shell before (or without) wasm, the skip link,
// titles, focus after navigation, the not-found page and the demo outbox page.
import { expect, test } from "@playwright/test";
import { appStarted, expectNoAxeViolations } from "./helpers";

test("the static shell shows emergency help before the app loads", async ({ page }) => {
  // Hold back the wasm so the page stays as index.html sent it.
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto("/");
  await expect(page.getByText("Safe Updates").first()).toBeVisible();
  await expect(page.getByText(/In an emergency,? call 999/).first()).toBeVisible();
  await expect(page.locator('a[href="tel:101"]').first()).toBeVisible();
  await expect(page.locator('a[href="tel:08081689111"]').first()).toBeVisible();
  const exit = page.getByRole("link", { name: /Exit this page/ }).first();
  await expect(exit).toHaveAttribute("href", /bbc\.co\.uk\/weather/);
  await expectNoAxeViolations(page, "static shell");
});

test("with JavaScript off the page still says how to get updates by phone", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.getByText(/call 999/).first()).toBeVisible();
  await expect(page.getByText(/needs JavaScript/)).toBeVisible();
  await expect(page.getByRole("link", { name: /Exit this page/ }).first()).toBeVisible();
  await context.close();
});

test("the skip link is the first tab stop and moves to the main content", async ({ page }) => {
  await page.goto("/");
  await appStarted(page);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("#main-content")).toBeFocused();
});

test("a keyboard user who tabbed into the shell keeps their place when the app arrives", async ({ page }) => {
  // Hold the wasm back until the shell's skip link has focus.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.wasm$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to main content" });
  await expect(skip).toBeFocused();
  release();
  await appStarted(page);
  await expect(page.getByRole("heading", { level: 1, name: "Get updates about your crime report" })).toBeVisible();
  await expect(skip).toBeFocused();
});

test("after client-side navigation focus moves to the new page's heading", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Start now" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Enter your crime reference number" })).toBeFocused();
  await expect(page).toHaveTitle("Enter your crime reference number – Safe Updates");
});

test("every page has its own title", async ({ page }) => {
  const titles = new Set<string>();
  for (const path of ["/", "/sign-in", "/signed-out", "/demo/outbox", "/no-such-page"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
    await expect(page).toHaveTitle(/ – Safe Updates$/);
    titles.add(await page.title());
  }
  expect(titles.size).toBe(5);
});

test("an unknown page says so plainly and passes axe", async ({ page }) => {
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(200); // the app decides what to show, not the server
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await expectNoAxeViolations(page, "not-found page");
});

test("the demo outbox page lists messages and passes axe", async ({ page }) => {
  await page.goto("/demo/outbox");
  await expect(page.getByRole("heading", { level: 1, name: "Demo messages" })).toBeVisible();
  await expectNoAxeViolations(page, "demo outbox page");
});
