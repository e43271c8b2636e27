// The callback queue, in two browsers: a victim (a fresh case from POST /api/dev/cases)
// asks for a callback; the officer finds it in "Callbacks", is refused a time outside the
// victim's window (GOV.UK error summary), books one inside it by keyboard alone; the
// victim's callbacks page then shows the booked time. Every state passes axe (WCAG 2.2 AA),
// fits the viewport and has 44 px targets, at 320 and 1280 px.
import { expect, test, type Page } from "@playwright/test";

import { expectNoAxeViolations, freshCase, signIn } from "./helpers";
import { sidewaysOverflow, smallTargets, staffSignIn } from "./staff-helpers";

async function checkPage(page: Page, state: string) {
  await page.waitForLoadState("networkidle");
  await expect(page.locator("main h1")).toBeVisible();
  await expectNoAxeViolations(page, state);
  expect(await sidewaysOverflow(page), `sideways scroll on ${state}`).toBeLessThanOrEqual(0);
  expect(await smallTargets(page), `targets under 44 px on ${state}`).toEqual([]);
}

/** Presses Tab until `target` has focus (at most `limit` presses): keyboard only. */
async function tabTo(page: Page, target: ReturnType<Page["locator"]>, limit = 80) {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

test("the victim asks for a callback, the officer books it, the victim sees the time", async ({ browser }) => {
  // Two people's journeys, and the officer's sign-in may wait up to 30 s for an unused
  // authenticator step: more than the default 30 s in all.
  test.setTimeout(90_000);
  const victimContext = await browser.newContext();
  const officerContext = await browser.newContext();
  const victim = await victimContext.newPage();
  const officer = await officerContext.newPage();
  const fresh = await freshCase(victim);

  let date = "";
  await test.step("the victim asks for a callback, 10am to midday on a working day", async () => {
    await signIn(victim, fresh);
    await victim.getByRole("navigation", { name: "Your case" }).getByRole("link", { name: "Ask for a callback" }).click();
    await expect(victim.getByRole("heading", { level: 1, name: "Ask for a callback" })).toBeFocused();
    await victim.getByLabel("A question about my case").check();
    await victim.getByLabel("Any of the times I choose").check();
    const time = victim.getByRole("group", { name: "Time 1" });
    const dates = time.getByLabel("Date");
    date = (await dates.locator("option").nth(1).getAttribute("value")) ?? "";
    await dates.selectOption(date);
    await time.getByLabel("From").fill("10:00");
    await time.getByLabel("To").fill("12:00");
    const different = victim.getByLabel("Use a different safe number for this call");
    if (await different.count()) await different.check();
    await victim.getByLabel("Safe phone number for this call").fill("07700 900 982");
    await victim.getByRole("button", { name: "Request callback" }).click();
    await expect(victim.getByRole("alert").filter({ hasText: "Your callback request has been sent" })).toBeVisible();
  });

  const item = officer.locator(".app-staff-callback").filter({ hasText: fresh.reference });
  await test.step("the officer finds it in the queue", async () => {
    await staffSignIn(officer);
    await officer.getByRole("navigation", { name: "Staff pages" }).getByRole("link", { name: "Callbacks" }).click();
    await expect(officer.getByRole("heading", { level: 1, name: "Callbacks" })).toBeVisible();
    await expect(officer).toHaveTitle(/^Callbacks/);
    await expect(item.getByRole("link", { name: `Case ${fresh.reference}` })).toBeVisible();
    await expect(item.locator(".app-tag").filter({ hasText: /^Requested$/ })).toBeVisible();
    await checkPage(officer, "callback queue");
  });

  await test.step("by keyboard: a time outside the window is refused, one inside is booked", async () => {
    const book = item.getByRole("button", { name: /^Book a time/ });
    await tabTo(officer, book);
    await officer.keyboard.press("Enter");
    const firstWindow = item.getByRole("group", { name: "Which time?" }).getByRole("radio").first();
    await tabTo(officer, firstWindow);
    await officer.keyboard.press("Space");
    await expect(firstWindow).toBeChecked();
    const start = item.getByLabel("Start time");
    await expect(start).toHaveValue("10:00");
    await checkPage(officer, "booking form");

    // 11:30 to 12:30 overruns the victim's 10:00 to 12:00: the server refuses it.
    await tabTo(officer, start);
    await officer.keyboard.press("ControlOrMeta+A");
    await officer.keyboard.type("11:30");
    await officer.keyboard.press("Enter");
    const summary = item.locator(".app-error-summary");
    await expect(summary.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    await expect(summary).toBeFocused();
    const error = summary.getByRole("link", { name: /whole call \(1 hour\)/ });
    await expect(error).toBeVisible();
    await checkPage(officer, "booking refused outside the window");
    await officer.keyboard.press("Tab");
    await expect(error).toBeFocused();
    await officer.keyboard.press("Enter");
    await expect(start).toBeFocused();

    await officer.keyboard.press("ControlOrMeta+A");
    await officer.keyboard.type("10:30");
    await officer.keyboard.press("Enter");
    await expect(officer.getByRole("alert").filter({ hasText: "Call booked" })).toBeVisible();
    await expect(item.locator(".app-tag").filter({ hasText: /^Booked$/ })).toBeVisible();
    await checkPage(officer, "callback booked");
  });

  await test.step("the victim's callbacks page shows the booked time", async () => {
    await victim.reload();
    await expect(victim.getByRole("heading", { level: 1, name: "Ask for a callback" })).toBeVisible();
    const newest = victim.locator(".app-callbacks__item").first();
    await expect(newest.getByText(/^Booked: .*10:30am to 11:30am$/)).toBeVisible();
    await victim.waitForLoadState("networkidle");
    await expectNoAxeViolations(victim, "victim's callbacks with a booked call");
  });

  await test.step("on the case: someone else answered stops the number until checked", async () => {
    await item.getByRole("link", { name: `Case ${fresh.reference}` }).click();
    await expect(officer.getByRole("heading", { level: 1, name: `Case ${fresh.reference}` })).toBeVisible();
    const callbacks = officer.getByRole("region", { name: "Callbacks" });
    await expect(callbacks.locator(".app-tag").filter({ hasText: /^Booked$/ })).toBeVisible();
    const log = officer.getByRole("region", { name: "Contact log" });
    await expect(log.getByText("No contacts have been recorded yet.")).toBeVisible();
    // The victim has not said voicemail is safe: it is not offered.
    await expect(log.getByLabel("Voicemail left")).toHaveCount(0);
    await checkPage(officer, "case with callbacks and contact log");

    await log.getByRole("button", { name: "Record contact" }).click();
    await expect(log.locator(".app-error-summary")).toBeFocused();
    await checkPage(officer, "record a contact with errors");
    await log.getByLabel("Phone call").check();
    await log.getByLabel("Someone else answered").check();
    await log.getByLabel("Which callback request was this about? (optional)").selectOption({ index: 1 });
    await log.getByLabel("Note (optional)").fill("A man answered and asked who was calling.");
    await log.getByRole("button", { name: "Record contact" }).click();
    await expect(officer.getByRole("alert").filter({ hasText: "Contact recorded." })).toBeVisible();
    await expect(log.getByText(/Someone else answered the number ending 982/)).toBeVisible();
    await expect(log.getByRole("cell", { name: "A man answered and asked who was calling." })).toBeVisible();
    await officer.reload();
    await expect(officer.getByRole("region", { name: "Callbacks" }).getByText(/Do not call this number/)).toBeVisible();
    await checkPage(officer, "case with a number to check");

    const checkForm = officer.getByRole("region", { name: "Contact log" });
    await checkForm.getByLabel("It is their number and it is safe to use").check();
    await checkForm.getByRole("button", { name: "Record what the victim said" }).click();
    await expect(officer.getByRole("alert").filter({ hasText: "The warning has gone." })).toBeVisible();
    await expect(checkForm.getByText(/Someone else answered the number ending/)).toHaveCount(0);
    await checkPage(officer, "number checked");
  });

  await test.step("on the case: the request is marked as done", async () => {
    await officer.reload();
    const callbacks = officer.getByRole("region", { name: "Callbacks" });
    await callbacks.getByRole("button", { name: /^Mark as done/ }).click();
    await callbacks.getByLabel("I spoke to the victim").check();
    await checkPage(officer, "mark as done form");
    await callbacks.getByRole("button", { name: "Mark as done" }).click();
    await expect(officer.getByRole("alert").filter({ hasText: "Callback marked as done." })).toBeVisible();
    await expect(callbacks.locator(".app-tag").filter({ hasText: /^Done$/ })).toBeVisible();
    await checkPage(officer, "callback done");
  });

  await victimContext.close();
  await officerContext.close();
});
