// The victim app's wasm is split by page group (tools/victim-wasm.mjs, `lazy_group!` in
// src/lib.rs): a first visit to the start page fetches the main wasm alone; a page's group
// file (and the one file of code the two groups share) comes the first time one of its
// pages is shown, and the group's other pages need nothing more. (The offline test checks
// the files are kept for a visit with no network.)
import { expect, test, type Page } from "@playwright/test";

/** The wasm files the page itself fetches (the service worker's own copies are not its). */
function wasmFetched(page: Page): string[] {
  const fetched: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path.endsWith(".wasm")) fetched.push(path);
  });
  return fetched;
}

test("a first visit fetches the main wasm alone; a page group's file comes when one of its pages is shown", async ({ page }) => {
  test.skip(test.info().project.name !== "desktop", "the files are the same for every viewport");
  const fetched = wasmFetched(page);
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Get updates about your crime report" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(fetched, "the start page needs the main module only").toHaveLength(1);
  expect(fetched[0]).toMatch(/^\/safe-updates-[0-9a-f]{16}_bg\.wasm$/);

  await page.getByRole("link", { name: "read about your rights under the Victims' Code" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your rights under the Victims' Code" })).toBeFocused();
  await page.waitForLoadState("networkidle");
  const publicFiles = fetched.filter((path) => /^\/split_public_pages_\w+-[0-9a-f]{16}\.wasm$/.test(path));
  expect(publicFiles, "the signed-out pages' file").toHaveLength(1);
  expect(fetched.some((path) => /^\/split_(?!public_pages)/.test(path)), "no other group's file").toBe(false);
  // Each file is a request and a module to start: a page needs its group's file and at
  // most one of shared code (six groups made `/rights` fetch 22).
  expect(fetched.length, "the main module, the group's file and shared code").toBeLessThanOrEqual(3);

  // Another page of the same group, reached in the app (the header's link home): already here.
  const before = fetched.length;
  await page.getByRole("banner").getByRole("link", { name: "Safe Updates" }).click();
  await page.getByRole("link", { name: "find support services and helplines" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Support near you" })).toBeFocused();
  await page.waitForLoadState("networkidle");
  expect(fetched.slice(before).filter((path) => path.startsWith("/split_")), "no page file fetched again").toEqual([]);
});
