// The audit trail in both apps: an officer opens a victim's case in the staff app (and sees
// no audit trail: that is for supervisors), and the victim, in a browser of their own,
// sees "Your victim care officer, <today>" under "Who has looked at your case", reached
// from their case page by keyboard; the unit's supervisor sees the case's audit trail,
// with the officer's look on it, and shows older entries by keyboard (focus moves to the
// first one added). axe, 44 px targets and no sideways scroll at 320 and 1280 px.
import { expect, test, type Page } from "@playwright/test";

import { expectNoAxeViolations, signIn, victimFor } from "./helpers";
import { OFFICER, sidewaysOverflow, smallTargets, staffSignIn } from "./staff-helpers";

test.describe.configure({ mode: "serial" });

/** The demo unit's supervisor (crates/server/src/demo/staff.rs; public, demo only). */
const SUPERVISOR = {
  email: "supervisor@example.org",
  password: "demo staff password",
  name: "Sergeant Morgan Lewis",
  totpSecret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
} as const;

/** Today in UK time as the apps write a long date: "2 December 2026". */
function todayInWords(): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/London",
  }).format(new Date());
}

async function checkPage(page: Page, state: string) {
  await page.waitForLoadState("networkidle");
  await expect(page.locator("main h1")).toBeVisible();
  await expectNoAxeViolations(page, state);
  expect(await sidewaysOverflow(page), `sideways scroll on ${state}`).toBeLessThanOrEqual(0);
  expect(await smallTargets(page), `targets under 44 px on ${state}`).toEqual([]);
}

test("an officer's look at a case shows on the victim's 'who has looked' page", async ({ browser, page }, info) => {
  const victim = victimFor(info.project.name);
  // The officer in a browser of their own; the victim on the project's page (its width).
  const staffContext = await browser.newContext({ baseURL: info.project.use.baseURL });
  const officer = await staffContext.newPage();
  await staffSignIn(officer);
  await officer.goto(`/staff/cases/${victim.reference}`);
  await expect(officer.getByRole("heading", { level: 1, name: `Case ${victim.reference}` })).toBeVisible();
  await expect(officer.getByRole("heading", { name: "How to contact the victim safely" })).toBeVisible();
  // The audit trail is the supervisor's: an officer's case page has none.
  await expect(officer.getByRole("heading", { name: "Audit trail" })).toHaveCount(0);
  await staffContext.close();

  await signIn(page, victim);
  const link = page.getByRole("link", { name: "Who has looked at your case" });
  await link.focus();
  await page.keyboard.press("Enter");
  const heading = page.getByRole("heading", { level: 1, name: "Who has looked at your case" });
  await expect(heading).toBeVisible();
  await expect(heading).toBeFocused();
  await expect(page).toHaveURL(/\/looks$/);
  await expect(page).toHaveTitle(/^Who has looked at your case/);
  await expect(page.getByRole("listitem").filter({ hasText: `Your victim care officer, ${todayInWords()}` })).toBeVisible();
  await expect(page.locator("main")).toContainText("Officers look at your case");
  // Roles, never names.
  await expect(page.locator("main")).not.toContainText(OFFICER.name);
  await checkPage(page, "who has looked at your case");
  await page.getByRole("link", { name: "Back to your case" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your case" })).toBeVisible();
});

test("a supervisor reads a case's audit trail, the officer's look on it", async ({ page }, info) => {
  const victim = victimFor(info.project.name);
  await staffSignIn(page, SUPERVISOR);
  await page.goto(`/staff/cases/${victim.reference}`);
  await expect(page.getByRole("heading", { level: 1, name: `Case ${victim.reference}` })).toBeVisible();
  const section = page.getByRole("region", { name: "Audit trail", exact: true });
  await expect(section).toBeVisible();
  const table = section.getByRole("table", { name: "Audit trail, newest first" });
  // Reading the trail is itself on it (among the reads this page's sections made at once).
  const ownRead = table
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: `${SUPERVISOR.name}, supervisor`, exact: true }) })
    .filter({ has: page.getByRole("cell", { name: "Looked at who has looked at the case", exact: true }) });
  await expect(ownRead.first()).toBeVisible();
  const officersLook = table
    .getByRole("row")
    .filter({ has: page.getByRole("cell", { name: `${OFFICER.name}, officer`, exact: true }) })
    .filter({ has: page.getByRole("cell", { name: "Looked at the case", exact: true }) });
  await expect(officersLook.first()).toBeVisible();
  await expect(section.getByRole("region", { name: "Audit trail, newest first" })).toHaveAttribute("tabindex", "0");
  await checkPage(page, "a case with its audit trail");
});

test("a supervisor shows older audit entries by keyboard", async ({ page }, info) => {
  const victim = victimFor(info.project.name);
  await staffSignIn(page, SUPERVISOR);
  // More than a page of entries (50): each read of the case's messages is one.
  const messages = `/api/staff/cases/${encodeURIComponent(victim.reference)}/messages`;
  for (let i = 0; i < 50; i++) {
    expect((await page.request.get(messages)).status()).toBe(200);
  }
  await page.goto(`/staff/cases/${victim.reference}`);
  const section = page.getByRole("region", { name: "Audit trail", exact: true });
  const rows = section.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(51);
  const older = section.getByRole("button", { name: "Show older entries" });
  await older.focus();
  await page.keyboard.press("Enter");
  await expect(rows).not.toHaveCount(51);
  expect(await rows.count()).toBeGreaterThan(51);
  // Focus moves to the first entry added.
  await expect(rows.nth(51)).toBeFocused();
  await checkPage(page, "an audit trail with older entries shown");
});
