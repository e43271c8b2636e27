// Shared steps for the staff app's browser tests: the demo officer, reading their current
// authenticator code from the demo outbox page, and signing in.
import { expect, type Page } from "@playwright/test";

/** A demo officer of the North team (`server --demo`): CR/100001/25 to CR/100003/25. */
export const OFFICER = {
  email: "daniel.okafor@example.org",
  password: "demo staff password",
  name: "PC Daniel Okafor",
  cases: ["CR/100001/25", "CR/100002/25", "CR/100003/25"],
  /** A South team case: not his, so "not found". */
  notHis: "CR/100004/25",
} as const;

const STEP_MS = 30_000;

/**
 * The account's authenticator code, read from the demo outbox page at the start of a new
 * 30-second step: each step's code works once, so a sign-in never reuses an earlier
 * test's step, and the code cannot run out between reading and sending it.
 */
export async function freshStaffCode(page: Page, email: string): Promise<string> {
  await page.waitForTimeout(STEP_MS - (Date.now() % STEP_MS) + 250);
  const outbox = await page.context().newPage();
  await outbox.goto("/demo/outbox");
  const row = outbox.getByRole("row").filter({ hasText: email });
  const code = ((await row.locator(".app-code").textContent()) ?? "").trim();
  await outbox.close();
  if (!/^\d{6}$/.test(code)) throw new Error(`no 6-digit code on the demo page for ${email}`);
  return code;
}

/** Fills the staff sign-in form (already open) and submits it. */
export async function fillStaffSignIn(page: Page, email: string, password: string, code: string) {
  await page.getByLabel("Work email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Code from your authenticator app").fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs the demo officer in, all the way to "My cases". */
export async function staffSignIn(page: Page) {
  const code = await freshStaffCode(page, OFFICER.email);
  await page.goto("/staff/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await fillStaffSignIn(page, OFFICER.email, OFFICER.password, code);
  await expect(page.getByRole("heading", { level: 1, name: "My cases" })).toBeVisible();
}

/** Controls smaller than 44 × 44 CSS px (as modes.spec.ts measures them). */
export async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary";
    const problems: string[] = [];
    for (const element of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const box = element.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue; // the skip link until focused
      if (box.width < 43.5 || box.height < 43.5) {
        const name = (element.textContent ?? element.getAttribute("name") ?? "").trim().slice(0, 40);
        problems.push(`${element.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return problems;
  });
}

/** How far the page scrolls sideways (0 when it fits the viewport). */
export async function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
