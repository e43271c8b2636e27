// Lighthouse's accessibility audit scores 100 on every victim page, signed out and signed in.
// Lighthouse drives its own tab over the DevTools protocol, so this test starts Chromium
// with a debugging port and a persistent profile: the tab Lighthouse opens shares the
// signed-in session cookie. Desktop project only (Lighthouse emulates a phone itself).
import { chromium, expect, test } from "@playwright/test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import victimPages from "../victim-pages.json";
import { emailVictimFor, signIn } from "./helpers";

// Every victim page reachable by URL; the bench's Lighthouse run reads the same list.
const PAGES = [...victimPages.signedOut, ...victimPages.signedIn];

const DEBUGGING_PORT = Number(process.env.LIGHTHOUSE_DEBUG_PORT ?? 9333);

test("Lighthouse accessibility is 100 on every victim page", async ({}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one run is enough: Lighthouse emulates a phone itself");
  test.setTimeout(240_000);
  const { default: lighthouse } = await import("lighthouse");
  const launch = testInfo.project.use.launchOptions ?? {};
  const profile = mkdtempSync(join(tmpdir(), "safe-updates-lighthouse-"));
  const context = await chromium.launchPersistentContext(profile, {
    ...launch,
    baseURL: testInfo.project.use.baseURL,
    args: [...(launch.args ?? []), `--remote-debugging-port=${DEBUGGING_PORT}`],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await signIn(page, emailVictimFor(testInfo.project.name));
    const failures: string[] = [];
    for (const path of PAGES) {
      const url = new URL(path, testInfo.project.use.baseURL).toString();
      const result = await lighthouse(url, {
        port: DEBUGGING_PORT,
        output: "json",
        logLevel: "error",
        onlyCategories: ["accessibility"],
        // Keep the session cookie and device settings: the signed-in pages need them.
        disableStorageReset: true,
      });
      const category = result?.lhr.categories.accessibility;
      const score = Math.round((category?.score ?? 0) * 100);
      if (score < 100) {
        const failed = (category?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0 && result!.lhr.audits[ref.id].score !== 1)
          .map((ref) => ref.id);
        failures.push(`${path}: ${score} (${failed.join(", ")})`);
      }
      // The signed-in pages really were signed in (not the sign-in page after a redirect).
      expect(result?.lhr.finalDisplayedUrl, `Lighthouse stayed on ${path}`).toBe(url);
    }
    expect(failures, "pages scoring under 100 for accessibility").toEqual([]);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
