// The case page's loading and failure states: an announced progress message while the
// case loads, and a plain-language error with a working retry when the request fails.
import { expect, test } from "@playwright/test";
import { emailVictimFor, expectNoAxeViolations, signIn } from "./helpers";

test("loading shows progress, a failure shows a plain error and Try again works", async ({ page }, testInfo) => {
  await signIn(page, emailVictimFor(testInfo.project.name));

  // Hold the case response back to see the loading state.
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/cases/**", async (route) => {
    await held;
    await route.continue();
  });
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Your case" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Loading your case" })).toBeVisible();
  await expectNoAxeViolations(page, "case page while loading");
  release();
  await expect(page.getByRole("heading", { name: "Where your case is now" })).toBeVisible();
  await page.unroute("**/api/cases/**");

  // The network fails: plain words and a retry, never a raw error string.
  await page.route("**/api/cases/**", (route) => route.abort("internetdisconnected"));
  await page.reload();
  await expect(page.getByText("Sorry, we could not load your case")).toBeVisible();
  await expect(page.locator("main")).not.toContainText(/error:|failed to fetch|TypeError/i);
  await expectNoAxeViolations(page, "case page when loading failed");
  await page.unroute("**/api/cases/**");
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("heading", { name: "Where your case is now" })).toBeVisible();
});
