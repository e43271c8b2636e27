// Self-service: a signed-in victim sets how we contact them (a new phone number only after
// the code sent to it), asks for a callback and cancels it; anyone reads their rights (standard and easy read) and finds a helpline.
// Runs at both widths; axe on every page and every error state.
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations, readCodeFromOutbox, signIn, victimFor } from "./helpers";

// UK users: 24-hour time inputs.
test.use({ locale: "en-GB" });

const errorSummary = (page: Page) => page.getByRole("alert").filter({ hasText: "There is a problem" });
const caseNav = (page: Page) => page.getByRole("navigation", { name: "Your case" });

/** axe, plus: nothing wider than the screen (320 px must not scroll sideways). */
async function checkPage(page: Page, state: string) {
  await expectNoAxeViolations(page, state);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `horizontal scroll on ${state}`).toBeLessThanOrEqual(0);
}

test("a victim sets contact preferences, asks for a callback and cancels it", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  // The text-message victims: sign-in codes keep going to the same number, which this test
  // saves again unchanged.
  const victim = victimFor(testInfo.project.name);
  const localNumber = "0" + victim.recipient.slice(3); // +447700900001 → 07700900001
  // A new number per project, so the two runs never read each other's codes.
  const newNumber = testInfo.project.name === "desktop" ? "+447700900982" : "+447700900983";
  await signIn(page, victim);

  await test.step("preferences: an invalid phone number shows the error summary", async () => {
    await caseNav(page).getByRole("link", { name: "How we contact you" }).click();
    const heading = page.getByRole("heading", { level: 1, name: "How we contact you" });
    await expect(heading).toBeFocused();
    await expect(caseNav(page).getByRole("link", { name: "How we contact you" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByRole("button", { name: "Save" })).toBeVisible();
    await expect(page).toHaveTitle("How we contact you – Safe Updates");
    await checkPage(page, "preferences page");

    await page.getByRole("group", { name: "How would you like us to contact you?" }).getByLabel("Text message").check();
    await page.getByRole("group", { name: "If we cannot reach you that way, what is your second choice?" }).getByLabel("No second choice").check();
    await page.getByLabel("Phone number").fill("07700 90");
    await page.getByRole("button", { name: "Save" }).click();
    const summary = errorSummary(page);
    await expect(summary).toBeVisible();
    await expect(page).toHaveTitle(/^Error: How we contact you/);
    const link = summary.getByRole("link", { name: /Enter a phone number/ });
    await expect(link).toBeVisible();
    await expect(page.locator("#phone-error")).toContainText("Error:");
    await expect(page.getByLabel("Phone number")).toHaveAttribute("aria-invalid", "true");
    await checkPage(page, "preferences with an invalid phone number");
    await link.click();
    await expect(page.getByLabel("Phone number")).toBeFocused();
  });

  await test.step("preferences: fixed and saved, with the summary sentences", async () => {
    await page.getByLabel("Phone number").fill(localNumber);
    const firstWindow = page.getByRole("group", { name: "Safe time 1" });
    for (const day of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]) {
      await firstWindow.getByLabel(day, { exact: true }).check();
    }
    await firstWindow.getByLabel("From").fill("09:00");
    await firstWindow.getByLabel("To").fill("17:00");
    await page.getByRole("group", { name: "Is it safe to leave a voicemail?" }).getByLabel("No").check();
    await page.getByRole("group", { name: "Is it safe to send letters to this address?" }).getByLabel("No").check();
    await page.getByRole("group", { name: "Can our phone number show when we call?" }).getByLabel("No").check();
    await page.getByRole("group", { name: "Which language would you like us to use?" }).getByLabel("English").check();
    await expect(page.locator('label[lang="cy"]')).toHaveText("Cymraeg (Welsh)");
    await page.getByRole("group", { name: "How often would you like updates about your case?" }).getByLabel("Every update").check();
    await page.getByRole("button", { name: "Save" }).click();

    const banner = page.getByRole("alert").filter({ hasText: "Your contact preferences are saved" });
    await expect(banner).toBeVisible();
    await expect(banner).toBeFocused();
    expect(await banner.locator("p.app-body").count()).toBeGreaterThan(0);
    await expect(errorSummary(page)).toHaveCount(0);
    await expect(page).toHaveTitle("How we contact you – Safe Updates");
    await expect(page.getByText(/Last changed .* by you\./)).toBeVisible();
    // The version the demo started with is now a previous version.
    const previous = page.locator("summary", { hasText: "Previous versions" });
    await previous.click();
    await expect(page.getByRole("heading", { name: /^Version 1: / })).toBeVisible();
    await checkPage(page, "preferences saved");
  });

  await test.step("preferences: a new phone number waits for the code sent to it", async () => {
    await page.getByLabel("Phone number").fill("0" + newNumber.slice(3));
    await page.getByRole("button", { name: "Save" }).click();
    const heading = page.getByRole("heading", { level: 1, name: "Check your phone" });
    await expect(heading).toBeFocused();
    await expect(page).toHaveTitle("Check your phone – Safe Updates");
    await expect(page.getByText("We have sent a code by text message to your new phone number.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Save" })).toBeHidden();
    await checkPage(page, "check your phone");
    // A reload does not lose the change waiting for its code.
    await page.reload();
    await expect(heading).toBeVisible();
    await expect(page.getByRole("button", { name: "Save" })).toBeHidden();

    const code = await readCodeFromOutbox(page, newNumber);
    const wrong = code.replace(/^./, (digit) => String((Number(digit) + 1) % 10));
    await page.getByLabel("Confirmation code").fill(wrong);
    await page.getByRole("button", { name: "Confirm" }).click();
    const summary = errorSummary(page);
    await expect(summary).toBeVisible();
    await expect(page).toHaveTitle(/^Error: Check your phone/);
    await checkPage(page, "check your phone with a wrong code");
    await summary.getByRole("link", { name: /The code is wrong or has expired/ }).click();
    await expect(page.getByLabel("Confirmation code")).toBeFocused();

    await page.getByLabel("Confirmation code").fill(code);
    await page.getByRole("button", { name: "Confirm" }).click();
    const banner = page.getByRole("alert").filter({ hasText: "Your new contact details are confirmed" });
    await expect(banner).toBeFocused();
    await expect(banner).toContainText("We will text you on 0" + newNumber.slice(3, 7));
    await expect(page).toHaveTitle("How we contact you – Safe Updates");
    await checkPage(page, "new contact details confirmed");

    // The old number gets a neutral notice: nothing about the crime, no new number.
    const outbox = await page.context().newPage();
    await outbox.goto("/demo/outbox");
    const notice = outbox.getByRole("row").filter({ hasText: victim.recipient }).first();
    await expect(notice).toContainText("Your contact details for Safe Updates were changed. If this wasn't you, call 101.");
    await outbox.close();
  });

  await test.step("preferences: the old number back, confirmed with the code sent to it", async () => {
    // Later tests sign this victim in with codes sent to their own number. The form was
    // loaded again on confirming (it opened on the old number after the reload).
    await expect(page.getByLabel("Phone number")).toHaveValue(newNumber);
    await page.getByLabel("Phone number").fill(localNumber);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Check your phone" })).toBeFocused();
    await page.getByLabel("Confirmation code").fill(await readCodeFromOutbox(page, victim.recipient));
    await page.getByRole("button", { name: "Confirm" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Your new contact details are confirmed" })).toBeFocused();
  });

  await test.step("preferences: older versions come a page at a time", async () => {
    // Ten more saves of the same preferences, as the app sends them, so the history has
    // more than the server's first page (10 versions).
    const saved = await page.evaluate(async (reference) => {
      const url = `/api/cases/${encodeURIComponent(reference)}/preferences`;
      const current = (await (await fetch(url)).json()).preferences;
      const put = () =>
        fetch(url, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(current) });
      const statuses = [];
      let newest = 0;
      for (let i = 0; i < 10; i++) {
        const response = await put();
        statuses.push(response.status);
        newest = (await response.json()).version;
      }
      return { statuses, newest };
    }, victim.reference);
    expect(saved.statuses).toEqual(Array(10).fill(200));
    // The first page holds the newest 10 versions; the newest is the current one, shown
    // above the list, so the list starts at the one before.
    const oldestOnFirstPage = saved.newest - 9;
    // Away and back: the page reads the history afresh.
    await caseNav(page).getByRole("link", { name: "Ask for a callback" }).click();
    await caseNav(page).getByRole("link", { name: "How we contact you" }).click();
    await page.locator("summary", { hasText: "Previous versions" }).click();
    await expect(page.getByRole("heading", { name: new RegExp(`^Version ${oldestOnFirstPage}: `) })).toBeVisible();
    await expect(page.getByRole("heading", { name: new RegExp(`^Version ${oldestOnFirstPage - 1}: `) })).toHaveCount(0);
    const older = page.getByRole("button", { name: "Show older versions" });
    await older.click();
    await expect(page.getByRole("heading", { name: /^Version 1: / })).toBeVisible();
    await expect(older).toHaveCount(0);
    await checkPage(page, "preferences with every previous version shown");
  });

  await test.step("callback: 'I feel unsafe now' shows 999 guidance; errors pass axe", async () => {
    await caseNav(page).getByRole("link", { name: "Ask for a callback" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Ask for a callback" })).toBeFocused();
    await expect(page.getByRole("button", { name: "Request callback" })).toBeVisible();
    await checkPage(page, "callback page");

    await page.getByLabel("I feel unsafe now").check();
    const warning = page.getByText("If you are in danger now, call");
    await expect(warning).toBeVisible();
    await expect(page.locator("form a[href='tel:999']")).toBeVisible();
    await expect(page.getByText("call 999 from a mobile and press 55.").first()).toBeVisible();
    await checkPage(page, "callback with 999 guidance");

    await page.getByRole("button", { name: "Request callback" }).click();
    await expect(errorSummary(page)).toBeVisible();
    await expect(page).toHaveTitle(/^Error: Ask for a callback/);
    await checkPage(page, "callback form with errors");
  });

  await test.step("callback: requested, listed, then cancelled", async () => {
    await page.getByLabel("A question about my case").check();
    const details = page.getByLabel("Tell us more (optional)");
    await details.fill("Please call me about the court date.");
    await expect(page.getByText("You have 964 characters remaining").first()).toBeVisible();
    await page.getByLabel("Any of the times I choose").check();
    const time = page.getByRole("group", { name: "Time 1" });
    const dates = time.getByLabel("Date");
    const second = await dates.locator("option").nth(1).getAttribute("value");
    await dates.selectOption(second!);
    const onFile = page.getByLabel(/Call me on the number you have for me/);
    await expect(onFile).toHaveAccessibleName(/ending \d{3}/);
    await onFile.check();

    // Only the server knows the safe times rule: its 422 shows like the page's own errors.
    await time.getByLabel("From").fill("07:00");
    await time.getByLabel("To").fill("08:00");
    await page.getByRole("button", { name: "Request callback" }).click();
    const summary = errorSummary(page);
    const serverError = summary.getByRole("link", { name: /Choose a time inside your safe times/ });
    await expect(serverError).toBeVisible();
    await expect(page).toHaveTitle(/^Error: Ask for a callback/);
    await expect(page.locator("#windows-0-start-error")).toContainText("Choose a time inside your safe times");
    await checkPage(page, "callback form with a server error");
    await serverError.click();
    await expect(time.getByLabel("From")).toBeFocused();

    await time.getByLabel("From").fill("10:00");
    await time.getByLabel("To").fill("12:00");
    await page.getByRole("button", { name: "Request callback" }).click();

    const banner = page.getByRole("alert").filter({ hasText: "Your callback request has been sent" });
    await expect(banner).toBeVisible();
    await expect(banner).toBeFocused();
    const newest = page.locator(".app-callbacks__item").first();
    await expect(newest.getByRole("heading", { name: "A question about my case" })).toBeVisible();
    await expect(newest.getByText("Requested", { exact: true })).toBeVisible();
    await checkPage(page, "callback requested");

    await newest.getByRole("button", { name: "Cancel request (A question about my case)" }).click();
    await expect(newest.getByText("Are you sure you want to cancel")).toBeFocused();
    await checkPage(page, "cancel confirmation");
    await newest.getByRole("button", { name: "Yes, cancel this request" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Your callback request has been cancelled" })).toBeVisible();
    const cancelled = page.locator(".app-callbacks__item").first();
    await expect(cancelled.getByText("Cancelled", { exact: true })).toBeVisible();
    await expect(cancelled.getByRole("button", { name: /Cancel request/ })).toHaveCount(0);
    await checkPage(page, "callback cancelled");
  });

  await test.step("callback: a fourth open request is refused with the server's reason (409)", async () => {
    // Fill up to the limit through the API, as other devices or officers could have.
    const base = `/api/cases/${encodeURIComponent(victim.reference)}/callbacks`;
    const view = await (await page.request.get(base)).json();
    const date = view.bookable_dates[1];
    let open = view.callbacks.filter((c: { status: string }) => c.status === "requested" || c.status === "scheduled").length;
    for (; open < view.max_open; open++) {
      const made = await page.request.post(base, {
        // The server refuses writes without same-origin proof, which a browser adds itself.
        headers: { origin: new URL(page.url()).origin },
        data: { reason: "support_needs", details: null, urgency: "routine", windows: [{ date, start: "10:00", end: "12:00" }], one_off_phone: null },
      });
      expect(made.status()).toBe(201);
    }
    await page.reload();
    await expect(page.getByRole("button", { name: "Request callback" })).toBeVisible();
    await page.getByLabel("Support needs").check();
    await page.getByLabel("Any of the times I choose").check();
    const time = page.getByRole("group", { name: "Time 1" });
    await time.getByLabel("Date").selectOption(date);
    await time.getByLabel("From").fill("10:00");
    await time.getByLabel("To").fill("12:00");
    await page.getByLabel(/Call me on the number you have for me/).check();
    await page.getByRole("button", { name: "Request callback" }).click();
    const summary = errorSummary(page);
    await expect(summary).toBeVisible();
    await expect(summary.locator(".app-error-summary__message")).not.toBeEmpty();
    await expect(page).toHaveTitle(/^Error: Ask for a callback/);
    await checkPage(page, "callback refused: too many open requests");
  });

  await test.step("signed in: the case timeline says whether updates came on time", async () => {
    await caseNav(page).getByRole("link", { name: "Your case" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Your case" })).toBeFocused();
    // CR/100003/25 (mobile) has updates the Victims' Code times; CR/100001/25 has none.
    if (testInfo.project.name === "mobile-320") {
      await expect(page.getByText(/You should have been told within \d+ working days?\. We told you on .* — (on time|\d+ working days? late)\./).first()).toBeVisible();
    }
    await checkPage(page, "case page with navigation");
  });

  await test.step("signed in: a right shows only the time limit that applies", async () => {
    await caseNav(page).getByRole("link", { name: "Your rights" }).click();
    await page.getByRole("link", { name: "Right to information about the outcome" }).click();
    await expect(page.getByText("You have standard rights, so this applies to you:")).toBeVisible();
    await expect(page.getByRole("heading", { name: "If you have enhanced rights" })).toHaveCount(0);
    await checkPage(page, "a right, signed in");
  });

  await test.step("signed in: support can be narrowed to the victim's crime", async () => {
    await caseNav(page).getByRole("link", { name: "Support near you" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Support near you" })).toBeFocused();
    const count = page.getByRole("status").filter({ hasText: /Showing \d+ services?/ });
    const before = (await count.textContent()) ?? "";
    await page.getByLabel("Only show services for my crime").check();
    await expect(count).not.toHaveText(before);
    await checkPage(page, "support filtered by crime");
  });

  await test.step("signed in: settings end with sign out everywhere, which ends the session", async () => {
    await page.getByRole("banner").getByRole("link", { name: "Accessibility settings" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Sign out on every device" })).toBeVisible();
    await checkPage(page, "settings, signed in");
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "You have signed out" })).toBeFocused();
    expect((await page.request.get("/api/session")).status()).toBe(401);
    // Signed out, the settings page no longer offers it.
    await page.getByRole("banner").getByRole("link", { name: "Accessibility settings" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Accessibility settings" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Sign out everywhere" })).toHaveCount(0);
  });
});

test("anyone reads a right in standard and easy read, and the choice is remembered", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: /rights under the Victims' Code/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your rights under the Victims' Code" })).toBeFocused();
  await expect(page.locator(".app-rights-list__item")).toHaveCount(12);
  await checkPage(page, "rights list");

  await page.getByRole("link", { name: "Right to information about the investigation and prosecution" }).click();
  const standardTitle = page.getByRole("heading", { level: 1, name: "Right to information about the investigation and prosecution" });
  await expect(standardTitle).toBeFocused();
  await expect(page).toHaveTitle("Right to information about the investigation and prosecution – Safe Updates");
  await expect(page.getByRole("heading", { name: "What you are entitled to" })).toBeVisible();
  // Not signed in: both time limits, labelled.
  await expect(page.getByRole("heading", { name: "If you have standard rights" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "If you have enhanced rights" })).toBeVisible();
  await expect(page.getByText(/within 5 working days/).first()).toBeVisible();
  await checkPage(page, "a right, standard");

  const toggle = page.getByRole("button", { name: "Easy read" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(standardTitle).toHaveCount(0);
  const easyTitle = (await page.getByRole("heading", { level: 1 }).textContent()) ?? "";
  expect(easyTitle.length).toBeGreaterThan(0);
  await checkPage(page, "a right, easy read");

  await page.reload();
  await expect(page.getByRole("button", { name: "Easy read" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByRole("heading", { level: 1, name: easyTitle })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem("safe-updates:easy-read"))).toBe("true");

  await page.getByRole("button", { name: "Easy read" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Right to information about the investigation and prosecution" })).toBeVisible();
});

test("anyone finds a helpline and narrows the list by need", async ({ page }) => {
  await page.goto("/support");
  await expect(page.getByRole("heading", { level: 1, name: "Support near you" })).toBeVisible();
  await expect(page).toHaveTitle("Support near you – Safe Updates");
  const victimSupport = page.locator("main").getByRole("link", { name: "08 08 16 89 111" });
  await expect(victimSupport).toHaveAttribute("href", "tel:+448081689111");
  await expect(page.getByRole("heading", { name: "Victim Support Supportline" })).toBeVisible();
  await expect(page.locator(".app-services__item").getByText("24 hours", { exact: true }).first()).toBeVisible();
  await checkPage(page, "support page");

  const count = page.getByRole("status").filter({ hasText: /Showing \d+ services?/ });
  const before = Number(((await count.textContent()) ?? "").match(/\d+/)![0]);
  await page.getByLabel("Staying safe").check();
  await expect(count).not.toHaveText(`Showing ${before} services`);
  const after = Number(((await count.textContent()) ?? "").match(/\d+/)![0]);
  expect(after).toBeLessThan(before);
  expect(after).toBeGreaterThan(0);
  // National lines are never filtered out.
  await expect(victimSupport).toBeVisible();
  await checkPage(page, "support page filtered");
});

test("the support filters have an Apply filters button that applies them in the page", async ({ page }) => {
  await page.goto("/support");
  const form = page.locator("main form");
  // A real submit button (WCAG H32: a form needs one), named for what it does.
  const apply = form.getByRole("button", { name: "Apply filters" });
  await expect(apply).toHaveAttribute("type", "submit");
  await expect(form.locator("[type=submit]")).toHaveCount(1);

  const count = page.getByRole("status").filter({ hasText: /Showing \d+ services?/ });
  const before = (await count.textContent()) ?? "";
  // Tick a box without a change event (as a browser restoring a form does), so only the
  // button can apply it.
  await page.getByLabel("Staying safe").evaluate((box) => {
    (box as HTMLInputElement).checked = true;
  });
  await expect(count).toHaveText(before);
  await apply.click();
  await expect(count).not.toHaveText(before);
  // Applied in the page: no reload, no query string, the box still ticked.
  await expect(page).toHaveURL(/\/support$/);
  await expect(page.getByLabel("Staying safe")).toBeChecked();
  await expect(page.getByRole("heading", { level: 1, name: "Support near you" })).toBeVisible();
});
