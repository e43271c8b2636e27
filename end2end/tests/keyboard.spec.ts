// The whole self-service journey with the keyboard only: Tab / Shift+Tab to move, Space
// and Enter to press, arrow keys inside radio groups and selects, typing with
// keyboard.type. No clicks, no fill. After every navigation focus must be on the new
// page's h1.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { readCodeFromOutbox, victimFor } from "./helpers";

test.use({ locale: "en-GB" });

/** Presses Tab (or Shift+Tab) until `target` has focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { back = false, max = 150 } = {}) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`could not reach ${target} with the keyboard`);
}

/** Tabs into a radio group, then uses the arrow keys until the radio `id` is chosen. */
async function chooseRadio(page: Page, name: string, id: string) {
  for (let i = 0; i < 150; i++) {
    const inGroup = await page.evaluate((n) => (document.activeElement as HTMLInputElement | null)?.name === n, name);
    if (inGroup) break;
    await page.keyboard.press("Tab");
  }
  for (let i = 0; i < 8; i++) {
    const current = await page.evaluate(() => document.activeElement?.id);
    if (current === id) break;
    await page.keyboard.press("ArrowDown");
  }
  await expect(page.locator(`#${id}`)).toBeFocused();
  // Tabbing into a group with nothing chosen focuses the first radio without choosing it.
  if (!(await page.locator(`#${id}`).isChecked())) await page.keyboard.press("Space");
  await expect(page.locator(`#${id}`)).toBeChecked();
}

/** Ticks a checkbox with Space if it is not ticked already. */
async function tick(page: Page, checkbox: Locator) {
  await tabTo(page, checkbox);
  if (!(await checkbox.isChecked())) await page.keyboard.press("Space");
  await expect(checkbox).toBeChecked();
}

/** Replaces a text field's value by typing. */
async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Backspace");
  await page.keyboard.type(text);
}

async function expectFocusedHeading(page: Page, name: string | RegExp) {
  await expect(page.getByRole("heading", { level: 1, name })).toBeFocused();
}

test("the whole journey works with the keyboard alone", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "keyboard journey runs at desktop width");
  test.setTimeout(180_000);
  const victim = victimFor(testInfo.project.name);
  const nav = page.getByRole("navigation", { name: "Your case" });

  await test.step("sign in", async () => {
    await page.goto("/");
    await tabTo(page, page.getByRole("link", { name: "Start now" }));
    await page.keyboard.press("Enter");
    await expectFocusedHeading(page, "Enter your crime reference number");
    await tabTo(page, page.getByLabel("Crime reference number"));
    await page.keyboard.type(victim.reference);
    await page.keyboard.press("Enter");
    await expectFocusedHeading(page, "Enter the code we sent you");
    const code = await readCodeFromOutbox(page, victim.recipient);
    await tabTo(page, page.getByLabel("Code", { exact: true }));
    await page.keyboard.type(code);
    await page.keyboard.press("Enter");
    await expectFocusedHeading(page, "Your case");
  });

  await test.step("preferences", async () => {
    await tabTo(page, nav.getByRole("link", { name: "How we contact you" }), { back: true });
    await page.keyboard.press("Enter");
    await expectFocusedHeading(page, "How we contact you");
    await expect(page.getByRole("button", { name: "Save" })).toBeVisible();
    await chooseRadio(page, "preferred_method", "preferred-method-phone-call");
    await chooseRadio(page, "second_method", "second-method-text-message");
    await typeInto(page, page.locator("#phone"), "0" + victim.recipient.slice(3));
    for (const day of ["monday", "tuesday", "wednesday", "thursday", "friday"]) {
      await tick(page, page.locator(`#safe-times-0-days-${day}`));
    }
    await tabTo(page, page.locator("#safe-times-0-start"));
    // Chromium's time field here has hour, minute and am/pm parts; typing fills each.
    await page.keyboard.type("0900A");
    await expect(page.locator("#safe-times-0-start")).toHaveValue("09:00");
    await tabTo(page, page.locator("#safe-times-0-end"));
    await page.keyboard.type("0500P");
    await expect(page.locator("#safe-times-0-end")).toHaveValue("17:00");
    await chooseRadio(page, "voicemail_safe", "voicemail-safe-no");
    await chooseRadio(page, "letters_safe", "letters-safe-no");
    await chooseRadio(page, "caller_id_allowed", "caller-id-allowed-no");
    await chooseRadio(page, "language", "language-english");
    await chooseRadio(page, "update_frequency", "update-frequency-key-decisions");
    await tabTo(page, page.getByRole("button", { name: "Save" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("alert").filter({ hasText: "Your contact preferences are saved" })).toBeFocused();
  });

  await test.step("ask for a callback", async () => {
    await tabTo(page, nav.getByRole("link", { name: "Ask for a callback" }), { back: true });
    await page.keyboard.press("Enter");
    await expectFocusedHeading(page, "Ask for a callback");
    await expect(page.getByRole("button", { name: "Request callback" })).toBeVisible();
    await chooseRadio(page, "reason", "reason-feel-unsafe");
    await expect(page.getByText("If you are in danger now, call")).toBeVisible();
    // Arrow keys wrap round the group back to the first reason.
    for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowDown");
    await expect(page.locator("#reason-case-question")).toBeChecked();
    await tabTo(page, page.locator("#details"));
    await page.keyboard.type("Please call me about the court date.");
    await chooseRadio(page, "urgency", "urgency-routine");
    await tabTo(page, page.locator("#windows-0-date"));
    await page.keyboard.press("ArrowDown");
    await tabTo(page, page.locator("#windows-0-start"));
    await page.keyboard.type("1000A");
    await expect(page.locator("#windows-0-start")).toHaveValue("10:00");
    await tabTo(page, page.locator("#windows-0-end"));
    await page.keyboard.type("1200P");
    await expect(page.locator("#windows-0-end")).toHaveValue("12:00");
    await chooseRadio(page, "phone_choice", "phone-choice-on-file");
    await tabTo(page, page.getByRole("button", { name: "Request callback" }));
    await page.keyboard.press("Enter");
    await expect(page.getByRole("alert").filter({ hasText: "Your callback request has been sent" })).toBeFocused();
  });

  await test.step("cancel the callback", async () => {
    const newest = page.locator(".app-callbacks__item").first();
    await expect(newest.getByText("Requested", { exact: true })).toBeVisible();
    await tabTo(page, newest.getByRole("button", { name: /^Cancel request/ }));
    await page.keyboard.press("Enter");
    await expect(newest.getByText("Are you sure you want to cancel")).toBeFocused();
    await tabTo(page, newest.getByRole("button", { name: "Yes, cancel this request" }));
    await page.keyboard.press("Space");
    await expect(page.getByRole("alert").filter({ hasText: "Your callback request has been cancelled" })).toBeFocused();
    await expect(page.locator(".app-callbacks__item").first().getByText("Cancelled", { exact: true })).toBeVisible();
  });

  await test.step("rights", async () => {
    await tabTo(page, nav.getByRole("link", { name: "Your rights" }), { back: true });
    await page.keyboard.press("Enter");
    await expectFocusedHeading(page, "Your rights under the Victims' Code");
    await tabTo(page, page.getByRole("link", { name: "Right to make a complaint" }));
    await page.keyboard.press("Enter");
    await expectFocusedHeading(page, "Right to make a complaint");
    const easyRead = page.getByRole("button", { name: "Easy read" });
    await tabTo(page, easyRead);
    await page.keyboard.press("Space");
    await expect(easyRead).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("Enter");
    await expect(easyRead).toHaveAttribute("aria-pressed", "false");
  });

  await test.step("support", async () => {
    await tabTo(page, nav.getByRole("link", { name: "Support near you" }), { back: true });
    await page.keyboard.press("Enter");
    await expectFocusedHeading(page, "Support near you");
    const count = page.getByRole("status").filter({ hasText: /Showing \d+ services?/ });
    const before = (await count.textContent()) ?? "";
    await tick(page, page.getByLabel("Staying safe"));
    await expect(count).not.toHaveText(before);
  });

  await test.step("accessibility settings and Welsh", async () => {
    await tabTo(page, page.getByRole("banner").getByRole("link", { name: "Accessibility settings" }), { back: true });
    await page.keyboard.press("Enter");
    await expectFocusedHeading(page, "Accessibility settings");
    await chooseRadio(page, "text-size", "text-size-larger");
    await expect(page.locator("html")).toHaveClass(/app-text-larger/);
    await chooseRadio(page, "text-size", "text-size-default");
    await expect(page.locator("html")).not.toHaveClass(/app-text-larger/);
    // The language switch keeps focus on itself while the page changes language.
    await tabTo(page, page.getByRole("button", { name: "Cymraeg" }), { back: true });
    await page.keyboard.press("Enter");
    await expect(page.locator("html")).toHaveAttribute("lang", "cy");
    await expect(page.getByRole("heading", { level: 1, name: "Gosodiadau hygyrchedd" })).toBeVisible();
    await expect(page.getByRole("button", { name: "English" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("button", { name: "Cymraeg" })).toBeFocused();
  });

  await test.step("sign out", async () => {
    await tabTo(page, page.getByRole("button", { name: "Sign out", exact: true }), { back: true });
    await page.keyboard.press("Enter");
    await expectFocusedHeading(page, "You have signed out");
  });
});
