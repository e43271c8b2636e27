// The staff app at /staff/: an officer signs in with password and authenticator code, sees
// their cases, opens one and reads the victim's safe-contact choices first, and signs out;
// a wrong code shows the error summary; a signed-out officer is sent to sign in. Every page
// passes axe (WCAG 2.2 AA), fits the viewport and has 44 px targets, at 320 and 1280 px.
import { expect, test, type Page } from "@playwright/test";

import { expectNoAxeViolations } from "./helpers";
import {
  fillStaffSignIn,
  freshStaffCode,
  OFFICER,
  SOUTH_OFFICER,
  sidewaysOverflow,
  smallTargets,
  staffSignIn,
} from "./staff-helpers";

test.describe.configure({ mode: "serial" });

async function checkPage(page: Page, state: string) {
  await page.waitForLoadState("networkidle");
  await expect(page.locator("main h1")).toBeVisible();
  await expectNoAxeViolations(page, state);
  expect(await sidewaysOverflow(page), `sideways scroll on ${state}`).toBeLessThanOrEqual(0);
  expect(await smallTargets(page), `targets under 44 px on ${state}`).toEqual([]);
}

test("a signed-out officer is asked to sign in", async ({ page }) => {
  await page.goto("/staff/");
  await expect(page).toHaveURL(/\/staff\/sign-in$/);
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect(page).toHaveTitle("Sign in – Safe Updates — staff");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  const email = page.getByLabel("Work email address");
  await expect(email).toHaveAttribute("autocomplete", "username");
  await expect(page.getByLabel("Password")).toHaveAttribute("autocomplete", "current-password");
  const code = page.getByLabel("Code from your authenticator app");
  await expect(code).toHaveAttribute("autocomplete", "one-time-code");
  await expect(code).toHaveAttribute("inputmode", "numeric");
  // No victim safety bar or emergency banner on staff pages.
  await expect(page.getByRole("link", { name: /exit this page/i })).toHaveCount(0);
  await checkPage(page, "staff sign-in");
});

test("a wrong code shows the error summary, focused, and the field", async ({ page }) => {
  await page.goto("/staff/sign-in");
  await fillStaffSignIn(page, OFFICER.email, OFFICER.password, "12345");
  const summary = page.locator(".app-error-summary");
  await expect(summary.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: Sign in/);
  const codeError = "Enter the 6-digit code from your authenticator app";
  await expect(summary.getByRole("link", { name: codeError })).toBeVisible();
  await expect(page.locator("#code-error")).toContainText(codeError);
  await expect(page.locator("#code")).toHaveAttribute("aria-invalid", "true");
  await checkPage(page, "staff sign-in with a malformed code");
  // A well-formed but wrong code: refused, as one message that moves focus to the email.
  await fillStaffSignIn(page, OFFICER.email, OFFICER.password, "000000");
  const refused = summary.getByRole("link", { name: /could not sign you in/i });
  await expect(refused).toBeVisible();
  await refused.click();
  await expect(page.getByLabel("Work email address")).toBeFocused();
});

test("an officer signs in, sees their cases, reads a victim's safe-contact choices and signs out", async ({ page }) => {
  await staffSignIn(page);
  await expect(page).toHaveTitle("My cases – Safe Updates — staff");
  await expect(page.getByRole("banner")).toContainText(OFFICER.name);
  const table = page.getByRole("table", { name: /your cases/i });
  for (const reference of OFFICER.cases) {
    await expect(table.getByRole("link", { name: reference })).toBeVisible();
  }
  await expect(table.getByRole("link", { name: OFFICER.notHis })).toHaveCount(0);
  await expect(page.getByRole("region", { name: /your cases/i })).toHaveAttribute("tabindex", "0");
  await checkPage(page, "my cases");

  await table.getByRole("link", { name: OFFICER.cases[0] }).click();
  const heading = page.getByRole("heading", { level: 1, name: `Case ${OFFICER.cases[0]}` });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  await expect(page).toHaveURL(/\/staff\/cases\/CR\/100001\/25$/);
  const contact = page.getByRole("region", { name: "How to contact the victim safely" });
  await expect(contact).toBeVisible();
  await expect(contact).toContainText("Preferred way");
  await expect(contact).toContainText(/Voicemail is safe|Do not leave voicemail/);
  await expect(contact).toContainText(/Letters to home are (not )?safe/);
  await expect(contact).toContainText("Caller ID");
  // The contact choices come before the case basics.
  const order = await page.locator("main h2").allTextContents();
  expect(order.indexOf("How to contact the victim safely")).toBeLessThan(order.indexOf("Case details"));
  await checkPage(page, "a case");

  await page.goto(`/staff/cases/${OFFICER.notHis}`);
  await expect(page.getByRole("heading", { level: 1, name: "Case not found" })).toBeVisible();
  await checkPage(page, "a case that is not his");

  await page.goto("/staff/no-such-page");
  await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
  await checkPage(page, "staff not found");

  await page.getByRole("link", { name: "Go to my cases" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "My cases" })).toBeVisible();
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await expect(page.locator("#signed-out-notice")).toContainText("You have signed out.");
  await expect(page.locator("#signed-out-notice")).toBeFocused();
  await expect(page.getByRole("banner")).not.toContainText(OFFICER.name);
  // The session is gone on the server too.
  expect((await page.request.get("/api/staff/session")).status()).toBe(401);
});

test("an officer signs out everywhere: the session ends and the sign-in page says so", async ({ page }) => {
  await staffSignIn(page);
  const account = page.getByRole("group", { name: "Your account" });
  await expect(account.getByRole("button", { name: "Sign out everywhere" })).toBeVisible();
  await checkPage(page, "my cases, with both sign-out buttons");
  await account.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  const notice = page.locator("#signed-out-notice");
  await expect(notice).toContainText("You have signed out on every device.");
  await expect(notice).toBeFocused();
  await checkPage(page, "staff sign-in after signing out everywhere");
  expect((await page.request.get("/api/staff/session")).status()).toBe(401);
});

test("when the session ends, the next page says the officer was signed out", async ({ page, context }) => {
  await staffSignIn(page, SOUTH_OFFICER);
  const link = page.getByRole("link", { name: SOUTH_OFFICER.cases[1] });
  await expect(link).toBeVisible();
  // As if 15 idle minutes had passed: the server no longer knows the session.
  await context.clearCookies();
  await link.click();
  await expect(page).toHaveURL(/\/staff\/sign-in$/);
  const notice = page.locator("#signed-out-notice");
  await expect(notice).toContainText("You were signed out");
  await expect(notice).toBeFocused();
  await checkPage(page, "staff sign-in after a timeout");
});

test("an undelivered message is flagged in My cases and on the case, by its channel", async ({ page }) => {
  // Demo mode records one letter to CR/100005/25's victim as undelivered.
  const reference = SOUTH_OFFICER.cases[1];
  await staffSignIn(page, SOUTH_OFFICER);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: reference }) });
  await expect(row).toContainText("Message not delivered");
  await expect(
    page.getByRole("row").filter({ has: page.getByRole("link", { name: SOUTH_OFFICER.cases[0] }) }),
  ).not.toContainText("Message not delivered");
  await checkPage(page, "my cases with an undelivered message");

  await row.getByRole("link", { name: reference }).click();
  const flag = page.getByRole("link", { name: /Some messages could not be delivered/ });
  await expect(flag).toBeVisible();
  await flag.click();
  const section = page.getByRole("region", { name: "Messages to the victim" });
  await expect(section.getByRole("heading", { level: 2 })).toBeFocused();
  await expect(section).toContainText("We could not reach the victim by letter: the address may be wrong.");
  const message = section.getByRole("table").getByRole("row").nth(1);
  // A case update names the update it told the victim about.
  await expect(message).toContainText("New update: ");
  await expect(message).toContainText("Letter");
  await expect(message).toContainText("Not delivered");
  await expect(message).toContainText("Reason: the address could not be used");
  // Never where it went or what it said.
  await expect(section).not.toContainText(/Safe Updates\. Sign in/);
  await checkPage(page, "a case with an undelivered message");
});

test("keyboard only: sign in and open a case", async ({ page }) => {
  test.skip(test.info().project.name !== "desktop", "keyboard use is the same at every width");
  const code = await freshStaffCode();
  await page.goto("/staff/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Work email address")).toBeFocused();
  await page.keyboard.type(OFFICER.email);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.keyboard.type(OFFICER.password);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Code from your authenticator app")).toBeFocused();
  await page.keyboard.type(code);
  await page.keyboard.press("Enter");
  const heading = page.getByRole("heading", { level: 1, name: "My cases" });
  await expect(heading).toBeFocused();
  // From the heading, Tab goes through whose cases and the filters to the table region,
  // its sortable headers and then the first case's link.
  // The heading is focused as soon as the page opens; the cases arrive a moment later, and
  // a person tabs on once they see them.
  const region = page.getByRole("region", { name: /your cases/i });
  await expect(region).toBeVisible();
  const inRegion = () => region.evaluate((element) => element === document.activeElement);
  for (let tabs = 0; tabs < 20 && !(await inRegion()); tabs++) await page.keyboard.press("Tab");
  await expect(region).toBeFocused();
  for (const header of ["Crime reference", "Stage", "Next Victims' Code deadline"]) {
    await page.keyboard.press("Tab");
    await expect(region.getByRole("link", { name: header })).toBeFocused();
  }
  await page.keyboard.press("Tab");
  const link = region.locator("tbody tr").first().getByRole("link");
  await expect(link).toBeFocused();
  const reference = (await link.textContent()) ?? "";
  // Focus is visible: the GOV.UK yellow focus background.
  const background = await link.evaluate((element) => getComputedStyle(element).backgroundColor);
  expect(background).not.toBe("rgba(0, 0, 0, 0)");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: `Case ${reference}` })).toBeFocused();
});
