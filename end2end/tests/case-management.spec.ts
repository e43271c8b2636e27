// The officer's case list and case management in the staff app: the North officer filters
// "My cases", sorts by a column, pages through, switches between their own and their team's
// cases; on a fresh case (POST /api/dev/cases, so no other test's case changes) they change
// the stage and set enhanced rights with a reason, keyboard only. Every state passes axe,
// fits the viewport and has 44 px targets, at 320 and 1280 px.
import { expect, test, type Page } from "@playwright/test";

import { expectNoAxeViolations, freshCase } from "./helpers";
import { OFFICER, sidewaysOverflow, smallTargets, staffSignIn } from "./staff-helpers";

// Signing in waits for a fresh authenticator step (up to 30 s), so each test gets longer.
test.describe.configure({ mode: "serial", timeout: 60_000 });

async function checkPage(page: Page, state: string) {
  await page.waitForLoadState("networkidle");
  await expect(page.locator("main h1")).toBeVisible();
  await expectNoAxeViolations(page, state);
  expect(await sidewaysOverflow(page), `sideways scroll on ${state}`).toBeLessThanOrEqual(0);
  expect(await smallTargets(page), `targets under 44 px on ${state}`).toEqual([]);
}

/** The number in "N cases". */
async function shownCount(page: Page): Promise<number> {
  const text = (await page.locator(".app-staff-count").textContent()) ?? "";
  return Number(text.match(/(\d+)/)?.[1] ?? NaN);
}

/** Presses Enter on a control reached by focus, as a keyboard user would. */
async function pressOn(page: Page, control: ReturnType<Page["getByRole"]>) {
  await control.focus();
  await page.keyboard.press("Enter");
}

test("My cases: filters, a sortable column, pages and whose cases", async ({ page }) => {
  await staffSignIn(page);
  const table = page.getByRole("table", { name: /your cases/i });
  await expect(table).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Whose cases" }).getByRole("link", { name: "My team's cases" }))
    .toHaveAttribute("aria-current", "page");
  const all = await shownCount(page);
  expect(all).toBeGreaterThanOrEqual(15);
  await checkPage(page, "my cases with filters");

  // Only cases with open callback requests, applied from the keyboard.
  await page.getByLabel("Only cases with open callback requests").focus();
  await page.keyboard.press("Space");
  await pressOn(page, page.getByRole("button", { name: "Apply filters" }));
  await expect(page).toHaveURL(/open_callbacks=yes/);
  await expect.poll(() => shownCount(page)).toBeLessThan(all);
  const callbackCells = table.locator("tbody tr td:nth-child(6)");
  for (const cell of await callbackCells.allTextContents()) expect(Number(cell)).toBeGreaterThan(0);
  await checkPage(page, "my cases filtered by open callbacks");
  await pressOn(page, page.getByRole("link", { name: "Clear filters" }));
  await expect(page).not.toHaveURL(/open_callbacks/);
  await expect.poll(() => shownCount(page)).toBe(all);

  // Sorted by crime reference: the header says so, and the rows are in order.
  await pressOn(page, table.getByRole("link", { name: "Crime reference" }));
  await expect(page).toHaveURL(/sort=reference/);
  await expect(table.locator("th[aria-sort=ascending]")).toHaveText("Crime reference");
  const references = await table.locator("tbody tr td:first-child a").allTextContents();
  expect(references).toEqual([...references].sort());

  // His own cases only: fewer, and still his.
  await pressOn(page, page.getByRole("navigation", { name: "Whose cases" }).getByRole("link", { name: "My cases", exact: true }));
  await expect(page).toHaveURL(/scope=mine/);
  await expect.poll(() => shownCount(page)).toBeLessThan(all);
  await expect(table.getByRole("link", { name: OFFICER.cases[0] })).toBeVisible();
  await expect(table.getByRole("link", { name: OFFICER.cases[1] })).toHaveCount(0);
});

test("My cases pages through more than 50 cases, forwards and back", async ({ page }) => {
  await staffSignIn(page);
  // Enough fresh North cases for a second page (none are written to).
  const missing = 51 - (await shownCount(page));
  for (let n = 0; n < missing; n++) await freshCase(page, { team: "north" });
  await page.reload();
  const table = page.getByRole("table", { name: /your cases/i });
  await expect(table.locator("tbody tr")).toHaveCount(50);
  const first = await table.locator("tbody tr td:first-child a").allTextContents();
  const pages = page.getByRole("navigation", { name: "Pages of cases" });
  await expect(pages.getByRole("link", { name: "Previous page" })).toHaveCount(0);
  await pressOn(page, pages.getByRole("link", { name: "Next page" }));
  await expect(page).toHaveURL(/after=/);
  const shown = () => table.locator("tbody tr td:first-child a").allTextContents();
  // The second page: other cases than the first's, once it has arrived.
  await expect
    .poll(async () => {
      const second = await shown();
      return second.length > 0 && second.every((reference) => !first.includes(reference));
    })
    .toBe(true);
  await checkPage(page, "my cases, second page");
  await pressOn(page, pages.getByRole("link", { name: "Previous page" }));
  await expect(page).toHaveURL(/before=/);
  await expect.poll(shown).toEqual(first);
});

test("an officer changes the stage and sets enhanced rights with a reason, keyboard only", async ({ page }) => {
  const fresh = await freshCase(page, { team: "north", enhancedRights: false });
  await staffSignIn(page);
  await page.goto(`/staff/cases/${fresh.reference}`);
  await expect(page.getByRole("heading", { level: 1, name: `Case ${fresh.reference}` })).toBeVisible();
  // The safe-contact choices stay first; the management forms follow them.
  await expect(page.getByRole("heading", { level: 2, name: "Change stage" })).toBeVisible();
  const headings = await page.locator("main h2").allTextContents();
  expect(headings.indexOf("How to contact the victim safely")).toBeLessThan(headings.indexOf("Change stage"));

  const stage = page.getByLabel("Stage", { exact: true });
  await stage.focus();
  await stage.selectOption({ label: "Charged: going to court" });
  await pressOn(page, page.getByRole("button", { name: "Change stage" }));
  // The forms are rebuilt with the case: the success banner says so and takes focus.
  const banner = page.getByRole("alert").filter({ hasText: "Stage changed" });
  await expect(banner).toBeVisible();
  await expect(banner).toBeFocused();
  const history = page.getByRole("table", { name: "Changes to this case" });
  await expect(history).toContainText("Charged: going to court");
  await checkPage(page, "case after a stage change");

  const rights = page.getByRole("region", { name: "Enhanced rights" });
  await expect(rights).toContainText("does not have enhanced rights");
  await expect(rights).toContainText("does not change the deadlines of events already recorded");
  await pressOn(page, page.getByRole("button", { name: "Save enhanced rights" }));
  const error = page.locator("#rights-reason-error");
  await expect(error).toContainText("Enter why you are changing enhanced rights");
  await expect(page.getByLabel("Why are you changing this?")).toHaveAttribute("aria-describedby", /rights-reason-error/);
  await checkPage(page, "enhanced rights without a reason");

  await page.getByLabel("Yes", { exact: true }).focus();
  await page.keyboard.press("Space");
  await page.getByLabel("Why are you changing this?").focus();
  await page.keyboard.type("The victim told us they are under 18");
  await pressOn(page, page.getByRole("button", { name: "Save enhanced rights" }));
  await expect(page.getByRole("alert").filter({ hasText: "Enhanced rights saved" })).toBeFocused();
  await expect(rights).toContainText("This victim has enhanced rights.");
  await expect(history).toContainText("The victim told us they are under 18");
  await expect(page.getByRole("region", { name: "Reallocate" })).toHaveCount(0);
  await checkPage(page, "case after setting enhanced rights");
});
