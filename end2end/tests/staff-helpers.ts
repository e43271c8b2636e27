// Shared steps for the staff app's browser tests: the demo officer, their authenticator
// codes, and signing in.
import { createHmac } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

import { expect, type Page } from "@playwright/test";

/** A demo officer of the North team (`server --demo`): CR/100001/25 to CR/100003/25. */
export const OFFICER = {
  email: "daniel.okafor@example.org",
  password: "demo staff password",
  name: "PC Daniel Okafor",
  cases: ["CR/100001/25", "CR/100002/25", "CR/100003/25"],
  /** A South team case: not his, so "not found". */
  notHis: "CR/100004/25",
  /** The demo account's published second-factor secret (crates/server/src/demo/staff.rs). */
  totpSecret: "KRUGKIDROVUWG2ZAMJZG653OEBTG66BA",
} as const;

/** The South team's demo officer: a second account, so sign-ins need fewer new steps. */
export const SOUTH_OFFICER = {
  email: "aisha.rahman@example.org",
  password: "demo staff password",
  cases: ["CR/100004/25", "CR/100005/25"],
  totpSecret: "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
} as const;

type Account = { email: string; password: string; totpSecret: string };

const STEP_MS = 30_000;
/**
 * The last authenticator step each account signed in with, in this run: the server takes
 * each step once, so the next sign-in needs a later one. Kept in a file beside the test
 * database (both removed when the server starts), so a worker that restarts after a
 * failure still knows.
 */
const STEPS_FILE = ".e2e/staff-steps.json";

function usedSteps(): Record<string, number> {
  return existsSync(STEPS_FILE) ? JSON.parse(readFileSync(STEPS_FILE, "utf8")) : {};
}

/** RFC 6238 (SHA-1, 6 digits, 30-second steps), as authenticator apps compute it. */
function totp(base32Secret: string, step: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  let bits = "";
  for (const char of base32Secret.replace(/=+$/, "")) {
    bits += alphabet.indexOf(char).toString(2).padStart(5, "0");
  }
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((byte) => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(step));
  const mac = createHmac("sha1", key).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const number = (mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000;
  return number.toString().padStart(6, "0");
}

/**
 * An authenticator code the server has not taken yet: the current step's, or the next
 * one's (the server allows one step of clock drift), so two sign-ins in a row need no
 * wait. A third within the same 30 seconds waits for the clock to move on.
 */
export async function freshStaffCode(secret: string = OFFICER.totpSecret): Promise<string> {
  const steps = usedSteps();
  const nowStep = () => Math.floor(Date.now() / STEP_MS);
  const step = Math.max((steps[secret] ?? 0) + 1, nowStep());
  await expect
    .poll(nowStep, { message: "the next authenticator step", timeout: 2 * STEP_MS })
    .toBeGreaterThanOrEqual(step - 1);
  writeFileSync(STEPS_FILE, JSON.stringify({ ...steps, [secret]: step }));
  return totp(secret, step);
}

/** Fills the staff sign-in form (already open) and submits it. */
export async function fillStaffSignIn(page: Page, email: string, password: string, code: string) {
  await page.getByLabel("Work email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByLabel("Code from your authenticator app").fill(code);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs a demo officer in (North's unless told), all the way to "My cases". */
export async function staffSignIn(page: Page, account: Account = OFFICER) {
  const code = await freshStaffCode(account.totpSecret);
  await page.goto("/staff/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  await fillStaffSignIn(page, account.email, account.password, code);
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
