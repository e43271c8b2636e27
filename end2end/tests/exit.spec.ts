// "Exit this page": the sticky button and pressing Shift three times both leave for a
// neutral site at once, end the session, and leave no way Back into the portal.
// The neutral site is faked with page.route: these tests never reach the real network.
// Each demo victim may be sent only a few codes an hour, so this file signs in once per
// project.
import { expect, test, type Page } from "@playwright/test";
import { appStarted, emailVictimFor, expectNoAxeViolations, signIn, victimFor } from "./helpers";

const NEUTRAL_SITE = /^https:\/\/www\.bbc\.co\.uk\/weather/;

async function fakeNeutralSite(page: Page) {
  await page.route("https://www.bbc.co.uk/**", (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<title>Weather</title><h1>Weather</h1>" }),
  );
}

function progressMessage(page: Page) {
  return page.locator('.app-exit-bar [aria-live="polite"]');
}

function isPortalPage(page: Page) {
  const portal = new URL(test.info().project.use.baseURL ?? "http://127.0.0.1");
  return page.url().startsWith(portal.origin);
}

function exitButton(page: Page) {
  return page.getByRole("link", { name: "Emergency Exit this page" });
}

test("pressing Shift three times leaves the portal, ends the session and Back does not return", async ({
  page,
}, testInfo) => {
  await fakeNeutralSite(page);
  await signIn(page, victimFor(testInfo.project.name));
  await expect(exitButton(page)).toBeVisible();

  // One press: dots on the button and a polite message, which runs out after 5 seconds.
  await page.keyboard.press("Shift");
  await expect(progressMessage(page)).toHaveText("Shift key pressed 1 time. Press Shift 2 more times to exit.");
  await expect(page.locator(".app-exit-link__dot--on")).toHaveCount(1);
  await expectNoAxeViolations(page, "the Shift exit shortcut in progress");
  await expect(progressMessage(page)).toHaveText("", { timeout: 8_000 });
  await expect(page.locator(".app-exit-link__dot--on")).toHaveCount(0);

  const historyBefore = await page.evaluate(() => history.length);
  await page.keyboard.press("Shift");
  await page.keyboard.press("Shift");
  await page.keyboard.press("Shift");
  await expect(page).toHaveURL(NEUTRAL_SITE);
  await expect(page.getByRole("heading", { name: "Weather" })).toBeVisible();
  // The portal page was replaced, not added to.
  expect(await page.evaluate(() => history.length)).toBe(historyBefore);
  // The beacon ended the session on the server.
  await expect.poll(async () => (await page.request.get("/api/session")).status()).toBe(401);

  // The whole visit (sign-in, code, case) was one history entry, now the neutral site's:
  // Back goes to where the browser was before the portal, not to any portal page.
  await page.goBack();
  expect(isPortalPage(page)).toBe(false);
  await expect(page.getByRole("heading", { level: 1, name: "Your case" })).toHaveCount(0);
});

test("the button leaves from any page, ends the session, and Back reaches no portal page", async ({
  page,
}, testInfo) => {
  await fakeNeutralSite(page);
  await signIn(page, emailVictimFor(testInfo.project.name));
  // Moving between the portal's pages adds no history entries.
  const historyBefore = await page.evaluate(() => history.length);
  await page.getByRole("navigation", { name: "Your case" }).getByRole("link", { name: "Your rights" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your rights under the Victims' Code" })).toBeVisible();
  await page.getByRole("link", { name: "Read more about staying safe online" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Staying safe online" })).toBeVisible();
  expect(await page.evaluate(() => history.length)).toBe(historyBefore);

  await exitButton(page).click();
  await expect(page).toHaveURL(NEUTRAL_SITE);
  await expect.poll(async () => (await page.request.get("/api/session")).status()).toBe(401);
  await page.goBack();
  expect(isPortalPage(page)).toBe(false);
});

test("the first visit explains the button and the shortcut until hidden, remembered on the device", async ({
  page,
}) => {
  await page.goto("/rights");
  const intro = page.getByRole("region", { name: "If you need to leave this website quickly" });
  await expect(intro).toBeVisible();
  await expect(intro).toContainText("press the Shift key 3 times");
  await expectNoAxeViolations(page, "the first-visit explanation");
  await intro.getByRole("button", { name: "Hide this message" }).click();
  await expect(intro).toHaveCount(0);
  // Focus is not lost with the button: it goes to the page's heading.
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await page.reload();
  await appStarted(page);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(intro).toHaveCount(0);
});

test("typing capital letters does not exit, and the button leaves at once", async ({ page }) => {
  await fakeNeutralSite(page);
  await page.goto("/sign-in");
  const field = page.getByLabel("Crime reference number");
  await field.click();
  for (const key of ["Shift+C", "Shift+R", "Shift+X", "Shift+Y"]) {
    await page.keyboard.press(key);
  }
  await expect(field).toHaveValue("CRXY");
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(progressMessage(page)).toHaveText("");
  await expect(page.locator("#app-exit-overlay")).toHaveCount(0);

  await page.goto("/");
  await appStarted(page);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const historyBefore = await page.evaluate(() => history.length);
  await exitButton(page).click();
  await expect(page).toHaveURL(NEUTRAL_SITE);
  expect(await page.evaluate(() => history.length)).toBe(historyBefore);
});

test("before the app loads the button is a plain link to the neutral site", async ({ page }) => {
  await fakeNeutralSite(page);
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto("/");
  await exitButton(page).click();
  await expect(page).toHaveURL(NEUTRAL_SITE);
});

test("the exit bar stays in reach and does not cover the focused element", async ({ page }) => {
  await page.goto("/");
  await appStarted(page);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const bar = await page.locator(".app-exit-bar").boundingBox();
  expect(bar?.y).toBe(0);
  await expect(exitButton(page)).toBeInViewport();
  // Focusing a link above the viewport scrolls it into view clear of the bar
  // (scroll-padding-top), not beneath it.
  const link = page.locator("#main-content a").first();
  await link.focus();
  const box = await link.boundingBox();
  expect(box!.y).toBeGreaterThanOrEqual(bar!.height);
});
