// Shared steps for the browser tests: the axe scan, reading a sign-in code from the demo
// outbox, and signing a demo victim in.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Demo victims loaded by `server --demo` who can receive a code, one per test project so
 * parallel tests never invalidate each other's codes. */
export const DEMO_VICTIMS = {
  desktop: { reference: "CR/100001/25", recipient: "+447700900001", crimeType: /burglary/i },
  "mobile-320": { reference: "CR/100003/25", recipient: "+447700900003", crimeType: /robbery/i },
} as const;

export function victimFor(projectName: string) {
  const victim = DEMO_VICTIMS[projectName as keyof typeof DEMO_VICTIMS];
  if (!victim) throw new Error(`no demo victim for project ${projectName}`);
  return victim;
}

/** Email victims, for tests that must not replace the codes of the text victims above
 * (the server takes at most 5 code requests an hour per reference). */
export const EMAIL_VICTIMS = {
  desktop: { reference: "CR/100002/25", recipient: "alex.demo@example.org" },
  "mobile-320": { reference: "CR/100004/25", recipient: "jordan.demo@example.org" },
} as const;

export function emailVictimFor(projectName: string) {
  const victim = EMAIL_VICTIMS[projectName as keyof typeof EMAIL_VICTIMS];
  if (!victim) throw new Error(`no demo email victim for project ${projectName}`);
  return victim;
}

/** Runs axe with the WCAG 2.0, 2.1 and 2.2 A/AA rules and fails on any violation, naming the
 * rule and the elements so the failure says what to fix. */
export async function expectNoAxeViolations(page: Page, state: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const problems = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`,
  );
  expect(problems, `axe violations on ${state}`).toEqual([]);
}

/** The newest sign-in code sent to `recipient`, read from the demo outbox page in a
 * separate tab, as a tester would. */
export async function readCodeFromOutbox(page: Page, recipient: string): Promise<string> {
  const outbox = await page.context().newPage();
  await outbox.goto("/demo/outbox");
  await expect(outbox.getByRole("heading", { level: 1, name: "Demo messages" })).toBeVisible();
  const row = outbox.getByRole("row").filter({ hasText: recipient }).first();
  await expect(row).toBeVisible();
  const text = (await row.textContent()) ?? "";
  await outbox.close();
  const code = text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no 6-digit code in the outbox row for ${recipient}`);
  return code;
}

/** Enters a crime reference on the sign-in page and waits for the code page. */
export async function requestCode(page: Page, reference: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Crime reference number").fill(reference);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Enter the code we sent you" })).toBeVisible();
}

/** Signs a demo victim in all the way to their case page. */
export async function signIn(page: Page, victim: { reference: string; recipient: string }) {
  await requestCode(page, victim.reference);
  const code = await readCodeFromOutbox(page, victim.recipient);
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your case" })).toBeVisible();
}

/**
 * Waits until the app has replaced the static shell. The shell has an h1 and the same
 * header links as the app, and the app starts only after the shell's first paint
 * (tools/paint-first.mjs), so a test that acts on the shell's elements would race the
 * swap. The loader sets `window.wasmBindings` once the app has mounted, and the app draws
 * itself in place of the shell a task later (src/static_shell.rs): the header's Settings
 * link is the app's alone.
 */
export async function appStarted(page: Page) {
  await page.waitForFunction(
    () => "wasmBindings" in window && document.querySelector('.app-header__actions a[href="/settings"]') !== null,
  );
}

/** The server's origin, as playwright.config.ts starts it. */
const API_ORIGIN = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 8091)}`;

/** A fresh case from the demo-only `POST /api/dev/cases`: tests that write use their own. */
export type FreshCase = { reference: string; recipient: string };

export async function freshCase(
  page: Page,
  options: { enhancedRights?: boolean; team?: "north" | "south"; language?: "en" | "cy" } = {},
): Promise<FreshCase> {
  const response = await page.request.post("/api/dev/cases", {
    // The API takes changes only from its own pages (or programs that say so).
    headers: { Origin: API_ORIGIN },
    data: {
      enhanced_rights: options.enhancedRights ?? false,
      team: options.team ?? "north",
      language: options.language ?? "en",
    },
  });
  expect(response.status()).toBe(201);
  const created = await response.json();
  return { reference: created.crime_reference, recipient: created.email };
}
