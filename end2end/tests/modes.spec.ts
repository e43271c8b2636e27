// Every victim page in every display mode — default, high contrast, larger text, dyslexia
// style, reduced motion, Welsh — at the project's width (1280 and 320 px): axe finds no
// WCAG 2.2 AA violation, nothing scrolls sideways, and every control is at least 44 × 44 px.
// Modes are set the way the settings page stores them (local storage), then each page is
// loaded afresh so the settings apply before first paint, as on a real next visit.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { emailVictimFor, expectNoAxeViolations, signIn } from "./helpers";

type Mode = { name: string; storage: Record<string, string | boolean> };

const MODES: Mode[] = [
  { name: "default", storage: {} },
  { name: "high contrast", storage: { "safe-updates:contrast": "high" } },
  { name: "larger text", storage: { "safe-updates:text-size": "larger" } },
  { name: "dyslexia style", storage: { "safe-updates:reading-style": "dyslexia" } },
  { name: "reduced motion", storage: { "safe-updates:motion": "reduced" } },
  { name: "Welsh", storage: { "safe-updates:language": "cy" } },
];

const CODE_PAGE = "/sign-in/code";
const PUBLIC_PAGES = [
  "/",
  "/sign-in",
  CODE_PAGE,
  "/rights",
  "/rights/right-to-information-about-the-investigation",
  "/support",
  "/settings",
  "/staying-safe-online",
];
const SIGNED_IN_PAGES = ["/case", "/preferences", "/callbacks"];

/** Replaces the device's settings with `mode`'s (and hides the first-visit message on
 * half the pages, so both states are checked). */
async function useMode(page: Page, mode: Mode, hideIntro: boolean) {
  await page.evaluate(
    ({ storage, hideIntro }) => {
      for (const key of Object.keys(localStorage)) {
        if (key.startsWith("safe-updates:")) localStorage.removeItem(key);
      }
      for (const [key, value] of Object.entries(storage)) localStorage.setItem(key, JSON.stringify(value));
      if (hideIntro) localStorage.setItem("safe-updates:exit-intro-hidden", "true");
    },
    { storage: mode.storage, hideIntro },
  );
}

/** Controls smaller than 44 × 44 CSS px, described so a failure says which. Radio buttons
 * and checkboxes are measured with their label (the whole row is the target). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary";
    const problems: string[] = [];
    for (const element of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const style = getComputedStyle(element);
      if (style.visibility === "hidden" || element.closest("[hidden]")) continue;
      const isChoice = element instanceof HTMLInputElement && /^(radio|checkbox)$/.test(element.type);
      const target = isChoice ? (element.parentElement ?? element) : element;
      const box = target.getBoundingClientRect();
      // Visually hidden until focused (the skip link): not a target until it shows.
      if (box.width <= 1 || box.height <= 1) continue;
      if (box.width < 43.5 || box.height < 43.5) {
        const name = (element.textContent ?? element.getAttribute("name") ?? "").trim().slice(0, 40);
        problems.push(`${element.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return problems;
  });
}

/** Unknown references already asked for: each is used once, as the server answers at
 * most 5 code requests an hour for one reference. */
let unknownReferences = 0;

/** Opens `path`. The code page needs a sign-in in progress: an unknown reference gets the
 * same page as anyone (and sends nothing, so it costs no demo victim a code). */
async function open(page: Page, path: string) {
  if (path !== CODE_PAGE) {
    await page.goto(path);
    return;
  }
  unknownReferences += 1;
  const prefix = test.info().project.name === "desktop" ? "98" : "97";
  const reference = `CR/${prefix}${String(unknownReferences).padStart(4, "0")}/25`;
  await page.goto("/sign-in");
  await page.locator("#crime-reference").fill(reference);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/sign-in\/code$/);
}

async function checkPage(page: Page, path: string, mode: Mode) {
  await open(page, path);
  // Every fetch the page makes (case, content, session) has answered and rendered.
  await page.waitForLoadState("networkidle");
  await expect(page.locator("main h1")).toBeVisible();
  if (mode.name === "Welsh") await expect(page.locator("html")).toHaveAttribute("lang", "cy");
  const state = `${path} (${mode.name})`;
  await expectNoAxeViolations(page, state);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `sideways scroll on ${state}`).toBeLessThanOrEqual(0);
  expect(await smallTargets(page), `targets under 44 px on ${state}`).toEqual([]);
}

test.describe.configure({ mode: "serial" });

let signedIn: Page;

test.beforeAll(async ({ browser }: { browser: Browser }, testInfo) => {
  const context = await browser.newContext(testInfo.project.use);
  signedIn = await context.newPage();
  await signIn(signedIn, emailVictimFor(testInfo.project.name));
});

test.afterAll(async () => {
  await signedIn?.context().close();
});

for (const mode of MODES) {
  test(`every victim page passes axe, fits and has 44 px targets: ${mode.name}`, async () => {
    test.setTimeout(120_000);
    const pages = [...SIGNED_IN_PAGES, ...PUBLIC_PAGES];
    for (const [index, path] of pages.entries()) {
      await useMode(signedIn, mode, index % 2 === 1);
      await checkPage(signedIn, path, mode);
    }
  });
}

/** WCAG 1.4.12's text-spacing override, as a bookmarklet would apply it. */
const TEXT_SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-bottom: 2em !important; }
`;

/** Elements whose text no longer fits: clipped by overflow, or wider than the page. */
async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const element of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
      if (!element.innerText?.trim() || element.closest(".app-visually-hidden")) continue;
      // Clipped on purpose to be visually hidden until focused (the skip link).
      const box = element.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      const style = getComputedStyle(element);
      const clipsX = style.overflowX === "hidden" || style.overflowX === "clip";
      const clipsY = style.overflowY === "hidden" || style.overflowY === "clip";
      if ((clipsX && element.scrollWidth > element.clientWidth + 1) || (clipsY && element.scrollHeight > element.clientHeight + 1)) {
        problems.push(`${element.tagName.toLowerCase()}.${element.className} "${element.innerText.trim().slice(0, 30)}"`);
      }
    }
    return problems;
  });
}

test("text survives the WCAG text-spacing override on every victim page", async () => {
  test.setTimeout(120_000);
  await useMode(signedIn, MODES[0], false);
  for (const path of [...SIGNED_IN_PAGES, ...PUBLIC_PAGES]) {
    await open(signedIn, path);
    await signedIn.waitForLoadState("networkidle");
    // A constructed style sheet: the page's CSP (rightly) refuses injected <style> tags.
    await signedIn.evaluate((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }, TEXT_SPACING);
    const overflow = await signedIn.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, `sideways scroll with text spacing on ${path}`).toBeLessThanOrEqual(0);
    expect(await clippedText(signedIn), `clipped text with text spacing on ${path}`).toEqual([]);
  }
});
