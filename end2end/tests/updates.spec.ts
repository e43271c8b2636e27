// Posting updates against the Victims' Code, in two browsers: an officer posts an update
// on a fresh case (POST /api/dev/cases), the victim sees it at once with how fast they
// were told; the officer's due list shows the event until the victim opens their case in
// the portal, then drops it (told by the portal). Every new page and state passes axe at
// 320 and 1280 px, fits the viewport and has 44 px targets; one journey is keyboard only.
import { expect, test, type Page } from "@playwright/test";

import { expectNoAxeViolations, freshCase, signIn } from "./helpers";
import { sidewaysOverflow, smallTargets, staffSignIn } from "./staff-helpers";

// Signing in may wait up to 30 s for an authenticator step the server has not taken yet.
test.describe.configure({ mode: "serial", timeout: 120_000 });

async function checkPage(page: Page, state: string) {
  await page.waitForLoadState("networkidle");
  await expect(page.locator("main h1")).toBeVisible();
  await expectNoAxeViolations(page, state);
  expect(await sidewaysOverflow(page), `sideways scroll on ${state}`).toBeLessThanOrEqual(0);
  expect(await smallTargets(page), `targets under 44 px on ${state}`).toEqual([]);
}

/** The due list's row for `reference`. */
function dueRow(page: Page, reference: string) {
  return page.getByRole("row").filter({ has: page.getByRole("link", { name: reference, exact: true }) });
}

test("an officer posts an update, the victim sees it, and the due list drops it once they open it", async ({
  page,
  browser,
}) => {
  // Two people's journeys, and the officer's sign-in may wait up to 30 s for an unused
  // authenticator step: more than the default 30 s in all.
  test.setTimeout(90_000);
  await staffSignIn(page);
  const fresh = await freshCase(page, { team: "north", enhancedRights: false, language: "en" });

  // The case page offers "Post an update" above its timeline.
  await page.goto(`/staff/cases/${fresh.reference}`);
  await expect(page.getByRole("heading", { level: 2, name: "Updates" })).toBeVisible();
  await expect(page.getByText("No updates have been posted yet.")).toBeVisible();
  await page.getByRole("link", { name: "Post an update" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Post an update" })).toBeVisible();
  await checkPage(page, "post an update: empty form");

  // Publishing with no texts: the error summary, focused, links each field.
  await page.getByRole("button", { name: "Publish the update" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole("link", { name: "Enter a title" })).toBeVisible();
  await expect(page).toHaveTitle(/^Error: /);
  await checkPage(page, "post an update: errors");

  await page.getByLabel("What is the update about?").selectOption({ label: "Charged" });
  await page.getByLabel("Title").fill("Charged: going to court");
  await page.getByLabel("What happened", { exact: true }).fill("The man was charged with theft today.");
  await page.getByLabel("What happens next").fill("He will go to the magistrates' court.");
  // The preview shows the update as the victim's page will.
  const preview = page.getByRole("region", { name: "Preview: what the victim will see" });
  await expect(preview.getByRole("heading", { level: 3, name: "Charged: going to court" })).toBeVisible();
  await expect(preview).toContainText("The man was charged with theft today.");
  await checkPage(page, "post an update: filled, with preview");

  await page.getByRole("button", { name: "Publish the update" }).click();
  const banner = page.getByRole("alert").filter({ hasText: "Update published" });
  await expect(banner).toBeVisible();
  await expect(banner).toContainText("The victim must be told by");
  await expect(banner).toContainText("at a time they said is safe");
  const update = page.getByRole("article", { name: "Charged: going to court" });
  await expect(update).toContainText("Not told yet");
  await checkPage(page, "case page: update published");

  // The due list shows the event, due in 5 working days (standard rights).
  await page.getByRole("navigation", { name: "Staff pages" }).getByRole("link", { name: "Due list" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Victims' Code due list" })).toBeVisible();
  const row = dueRow(page, fresh.reference);
  await expect(row).toContainText("Charged");
  await expect(row).toContainText("Due in 5 working days");
  await checkPage(page, "due list");

  // The victim, in a browser of their own, sees the update with its deadline status.
  const victimContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const victim = await victimContext.newPage();
  await signIn(victim, fresh);
  const seen = victim.getByRole("article").filter({ hasText: "Charged: going to court" });
  await expect(seen).toContainText("You should have been told within 5 working days.");
  await expect(seen).toContainText("— on time.");
  await victimContext.close();

  // Opening the case in the portal told them: the due list drops it, the case says how.
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Victims' Code due list" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expect(dueRow(page, fresh.reference)).toHaveCount(0);
  await page.goto(`/staff/cases/${fresh.reference}`);
  await expect(page.getByRole("article", { name: "Charged: going to court" })).toContainText(
    "they opened it in the portal",
  );
});

test("keyboard only: post an update and record a phone call", async ({ page }) => {
  test.skip(test.info().project.name !== "desktop", "keyboard use is the same at every width");
  await staffSignIn(page);
  const fresh = await freshCase(page, { team: "north", enhancedRights: true, language: "cy" });
  await page.goto(`/staff/post-update/${fresh.reference}`);
  const heading = page.getByRole("heading", { level: 1, name: "Post an update" });
  await expect(heading).toBeVisible();
  // From the back link, the form's fields in order.
  const back = page.getByRole("link", { name: "Back to the case" });
  await back.focus();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("What is the update about?")).toBeFocused();
  // A select opens on Enter or Space in some browsers; arrow keys change it in place.
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("What is the update about?")).toHaveValue("suspect_interviewed");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Date of the event")).toBeFocused();
  // The browser's date field takes a Tab per part (day, month, year): today stays.
  const title = page.getByLabel("Title");
  for (let presses = 0; presses < 4 && !(await title.evaluate((e) => e === document.activeElement)); presses++) {
    await page.keyboard.press("Tab");
  }
  await expect(title).toBeFocused();
  await page.keyboard.type("Cyfweld â'r sawl a ddrwgdybir");
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("What happened", { exact: true })).toBeFocused();
  await page.keyboard.type("Cafodd ei gyfweld heddiw.");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Byddwn yn dweud wrthych beth sy'n digwydd nesaf.");
  // The victim reads Welsh: the language is offered, Welsh first and chosen.
  await page.keyboard.press("Tab");
  const welsh = page.getByRole("radio", { name: "Welsh" });
  await expect(welsh).toBeFocused();
  await expect(welsh).toBeChecked();
  await page.keyboard.press("Tab");
  const publish = page.getByRole("button", { name: "Publish the update" });
  await expect(publish).toBeFocused();
  const background = await publish.evaluate((element) => getComputedStyle(element).outlineStyle);
  expect(background).not.toBe("none");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("alert").filter({ hasText: "Update published" })).toBeFocused();
  // Enhanced rights: 1 working day.
  const update = page.getByRole("article", { name: "Cyfweld â'r sawl a ddrwgdybir" });
  await expect(update).toContainText("Not told yet");
  const call = update.getByRole("button", { name: "I told them by phone" });
  await call.focus();
  await page.keyboard.press("Enter");
  await expect(update).toContainText("by phone");
  await checkPage(page, "case page: told by phone");
});
