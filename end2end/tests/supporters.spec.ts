// Supporters, in two browsers: a victim (a fresh case from POST /api/dev/cases) invites
// someone with "read updates" only; the supporter opens the invitation's link from the
// delivered message, signs in with their own email and the code sent to it, and sees the
// case timeline under "You are helping Sam" but no contact preferences and no callbacks;
// the victim removes them, and the supporter's next click says only "This access is no
// longer active". Every new page and state passes axe (WCAG 2.2 AA), fits the viewport
// and has 44 px targets, at 320 and 1280 px; the removal and the code are done by
// keyboard alone.
import { expect, test, type Page } from "@playwright/test";

import { expectNoAxeViolations, freshCase, readCodeFromOutbox, signIn } from "./helpers";
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

/** The invitation's link (its path and fragment) from the newest message to `recipient`. */
async function invitationLink(page: Page, recipient: string): Promise<string> {
  const outbox = await page.context().newPage();
  await outbox.goto("/demo/outbox");
  const row = outbox.getByRole("row").filter({ hasText: recipient }).filter({ hasText: "/help/accept#" }).first();
  await expect(row).toBeVisible();
  const text = (await row.textContent()) ?? "";
  await outbox.close();
  const link = text.match(/\/help\/accept#[A-Za-z0-9_-]+/)?.[0];
  if (!link) throw new Error(`no invitation link in the outbox row for ${recipient}`);
  return link;
}

test("a victim invites a supporter who sees only updates, then removes them", async ({ browser }, info) => {
  // Two people's journeys with four sign-in steps between them.
  test.setTimeout(120_000);
  const victimContext = await browser.newContext();
  const supporterContext = await browser.newContext();
  const victim = await victimContext.newPage();
  const supporter = await supporterContext.newPage();
  const fresh = await freshCase(victim);
  const helperEmail = `jo.helper.${info.project.name}.${Date.now()}@example.org`;

  await test.step("the victim invites someone to read updates only", async () => {
    await signIn(victim, fresh);
    await victim.getByRole("link", { name: "People who help you" }).click();
    await expect(victim.getByRole("heading", { level: 1, name: "People who help you" })).toBeVisible();
    await expect(victim.getByText("Nobody helps you with your case yet.")).toBeVisible();
    await checkPage(victim, "people, none yet");
    await victim.getByRole("link", { name: "Invite someone to help you" }).click();
    await expect(victim.getByRole("heading", { level: 1, name: "Invite someone to help you" })).toBeVisible();
    await victim.getByRole("button", { name: "Send invitation" }).click();
    const summary = victim.getByRole("alert").filter({ hasText: "There is a problem" });
    await expect(summary).toBeVisible();
    await expect(summary.getByRole("link", { name: "Enter their name" })).toBeVisible();
    await checkPage(victim, "invite, errors");
    await victim.getByLabel("Their name").fill("Jo Helper");
    await victim.getByLabel("Email", { exact: true }).check();
    await victim.getByLabel("Their email address").fill(helperEmail);
    await victim.getByLabel("Friend").check();
    await victim.getByLabel("Read updates about your case").check();
    // Contact preferences stay off unless ticked, with a warning when they are.
    await victim.getByLabel("See and change how and when we contact you").check();
    await expect(victim.getByText("This shows them where and when you can be reached safely")).toBeVisible();
    await checkPage(victim, "invite, preferences warning");
    await victim.getByLabel("See and change how and when we contact you").uncheck();
    await victim.getByLabel("3 months").check();
    await victim.getByRole("button", { name: "Send invitation" }).click();
    await expect(victim.getByRole("alert").filter({ hasText: "Invitation sent to Jo Helper" })).toBeVisible();
    await expect(victim.getByRole("heading", { level: 2, name: "Jo Helper" })).toBeVisible();
    await checkPage(victim, "people, invited");
  });

  await test.step("the supporter accepts with the code sent to them", async () => {
    const link = await invitationLink(victim, helperEmail);
    await supporter.goto(link);
    await expect(supporter.getByRole("heading", { level: 1, name: "Help someone you know" })).toBeVisible();
    await checkPage(supporter, "accept invitation");
    await supporter.getByLabel("Your mobile number or email address").fill(helperEmail);
    await supporter.keyboard.press("Enter");
    await expect(supporter.getByRole("heading", { level: 1, name: "Enter the code we sent you" })).toBeVisible();
    await checkPage(supporter, "supporter code");
    const code = await readCodeFromOutbox(supporter, helperEmail);
    await supporter.getByLabel("Code", { exact: true }).fill(code);
    await supporter.keyboard.press("Enter");
    await expect(supporter.getByRole("heading", { level: 1, name: "Your case" })).toBeVisible();
  });

  await test.step("they see the timeline, but no contact preferences and no callbacks", async () => {
    await expect(supporter.getByText("You are helping Sam. Sam chose what you can see.")).toBeVisible();
    await expect(supporter.getByRole("heading", { level: 2, name: "Updates" })).toBeVisible();
    const nav = supporter.getByRole("navigation", { name: "Your case" });
    await expect(nav.getByRole("link", { name: "Your case" })).toBeVisible();
    await expect(nav.getByRole("link", { name: "How we contact you" })).toHaveCount(0);
    await expect(nav.getByRole("link", { name: "Ask for a callback" })).toHaveCount(0);
    await expect(supporter.getByRole("link", { name: "People who help you" })).toHaveCount(0);
    await checkPage(supporter, "case, as a supporter");
    // Typed in by hand, the pages hold nothing of the victim's: the server refuses them.
    for (const path of ["/preferences", "/callbacks"]) {
      const refused = supporter.waitForResponse((r) => r.url().includes("/api/cases/") && r.status() === 404);
      await supporter.goto(path);
      await refused;
      await expect(supporter.getByRole("textbox")).toHaveCount(0);
    }
  });

  await test.step("the victim removes them by keyboard", async () => {
    await victim.reload();
    const remove = victim.getByRole("button", { name: "Remove Jo Helper" });
    await expect(remove).toBeVisible();
    await tabTo(victim, remove);
    await victim.keyboard.press("Enter");
    await expect(victim.getByRole("alert").filter({ hasText: "Jo Helper has been removed" })).toBeVisible();
    await expect(victim.getByText("Nobody helps you with your case yet.")).toBeVisible();
    await checkPage(victim, "people, removed");
  });

  await test.step("the supporter's next click says only that access has ended", async () => {
    await supporter.getByRole("navigation", { name: "Your case" }).getByRole("link", { name: "Your case" }).click();
    await expect(supporter.getByRole("heading", { level: 1, name: "This access is no longer active" })).toBeVisible();
    await expect(supporter.getByText("Sam")).toHaveCount(0);
    await expect(supporter.getByText(fresh.reference)).toHaveCount(0);
    await checkPage(supporter, "access ended");
  });

  await victimContext.close();
  await supporterContext.close();
});

test("an officer adds a parent with a reason, and removes them with a reason", async ({ page }, info) => {
  // The officer's sign-in may wait up to 30 s for an unused authenticator step.
  test.setTimeout(90_000);
  const fresh = await freshCase(page);
  await staffSignIn(page);
  await page.goto(`/staff/cases/${fresh.reference}`);
  const section = page.getByRole("region", { name: "People who help the victim" });
  await expect(section.getByText("Nobody helps the victim through the service.")).toBeVisible();
  await checkPage(page, "staff case, no supporters");

  await test.step("a reason is required", async () => {
    await section.getByLabel("Parent or guardian").check();
    await section.getByLabel("Their name").fill("Pat Parent");
    await section.getByLabel("Email", { exact: true }).check();
    await section.getByLabel("Their mobile number or email address").fill(`pat.${info.project.name}.${Date.now()}@example.org`);
    await section.getByRole("button", { name: "Add and send invitation" }).click();
    await expect(section.getByText("Error: Enter the reason")).toBeVisible();
    await checkPage(page, "staff add supporter, no reason");
  });

  await test.step("added with a reason, then removed with one", async () => {
    await section.getByLabel("Why are you adding them?").fill("The victim is 12; their mother is their appropriate adult");
    await section.getByRole("button", { name: "Add and send invitation" }).click();
    await expect(section.getByRole("alert").filter({ hasText: "We have sent them an invitation" })).toBeVisible();
    const row = section.getByRole("row").filter({ hasText: "Pat Parent" });
    await expect(row).toContainText("Parent or guardian");
    await expect(row).toContainText("An officer");
    await checkPage(page, "staff, supporter added");
    await section.getByRole("group", { name: "Who should no longer help?" }).getByLabel("Pat Parent").check();
    await section.getByLabel("Why are you removing them?").fill("The family asked for the school's contact instead");
    await section.getByRole("button", { name: "Remove now" }).click();
    await expect(section.getByRole("alert").filter({ hasText: "Their access and any session they had have ended" })).toBeVisible();
    await expect(section.getByText("Nobody helps the victim through the service.")).toBeVisible();
    await checkPage(page, "staff, supporter removed");
  });
});
