// The foundation journey: a new victim signs in with a demo reference, sees their case and
// its timeline, and signs out, checked with axe in every state on the way.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, freshCase, readCodeFromOutbox, signIn, victimFor } from "./helpers";

test("a victim signs in, sees their case and timeline, and signs out", async ({ page }, testInfo) => {
  const victim = victimFor(testInfo.project.name);

  await page.goto("/");
  await expect(page).toHaveTitle(/Safe Updates/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expectNoAxeViolations(page, "start page");
  await page.getByRole("link", { name: "Start now" }).click();

  // Sign-in page: empty, then an invalid reference, shows the GOV.UK error summary.
  const heading = page.getByRole("heading", { level: 1, name: "Enter your crime reference number" });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  await expectNoAxeViolations(page, "sign-in page");
  await page.getByRole("button", { name: "Continue" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expect(summary.getByRole("link", { name: "Enter your crime reference number" })).toBeVisible();
  await expectNoAxeViolations(page, "sign-in page with an error");
  await summary.getByRole("link").first().click();
  await expect(page.getByLabel("Crime reference number")).toBeFocused();

  await page.getByLabel("Crime reference number").fill(victim.reference.toLowerCase());
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Enter the code we sent you" })).toBeVisible();
  await expect(page).not.toHaveTitle(/^Error: /);
  const codeInput = page.getByLabel("Code", { exact: true });
  await expect(codeInput).toHaveAttribute("autocomplete", "one-time-code");
  await expect(codeInput).toHaveAttribute("inputmode", "numeric");
  await expect(page.getByText("If you asked us to contact you only by letter or by a visit")).toBeVisible();
  await expectNoAxeViolations(page, "code page");

  // A wrong code first: a field error, and the page keeps working.
  const code = await readCodeFromOutbox(page, victim.recipient);
  const wrong = code === "000000" ? "111111" : "000000";
  await codeInput.fill(wrong);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();
  await expect(page.getByText("The code is wrong or has expired").first()).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(page, "code page with a wrong code");

  await codeInput.fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();

  // The case page: reference, crime, officer, stage and the timeline newest first.
  await expect(page.getByRole("heading", { level: 1, name: "Your case" })).toBeVisible();
  await expect(page).toHaveURL(/\/case$/);
  await expect(page.getByText(victim.reference).first()).toBeVisible();
  await expect(page.getByText(victim.crimeType).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Where your case is now" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Who is looking after your case" })).toBeVisible();
  await expect(page.locator('a[href^="tel:"]').first()).toBeVisible();
  const updates = page.locator("main time[datetime]");
  expect(await updates.count()).toBeGreaterThanOrEqual(2);
  const dates = await updates.evaluateAll((els) => els.map((e) => e.getAttribute("datetime") ?? ""));
  const timelineDates = dates.slice(-Math.max(2, dates.length - 1));
  expect([...timelineDates].sort().reverse()).toEqual(timelineDates);
  await expectNoAxeViolations(page, "case page");

  // Sign out ends the session: the case is no longer readable.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "You have signed out" })).toBeVisible();
  await expectNoAxeViolations(page, "signed-out page");
  const afterSignOut = await page.request.get("/api/session");
  expect(afterSignOut.status()).toBe(401);
  await page.goto("/case");
  await expect(page.getByRole("heading", { level: 1, name: "Enter your crime reference number" })).toBeVisible();
  await expectNoAxeViolations(page, "sign-in page after the session ended");
});

test("a fresh case from the demo builder can be signed into", async ({ page }) => {
  await page.goto("/");
  const fresh = await freshCase(page, { team: "south" });
  await signIn(page, fresh);
  await expect(page.getByText(fresh.reference)).toBeVisible();
});
