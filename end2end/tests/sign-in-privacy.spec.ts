// The code page never reveals whether a reference exists or how its victim chose to be
// contacted: a letter-only victim and an unknown reference see the same page as anyone.
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, requestCode } from "./helpers";

async function codePageText(page: import("@playwright/test").Page, reference: string) {
  await requestCode(page, reference);
  return (await page.locator("main").innerText()).replaceAll(reference, "<ref>");
}

test("unknown, letter-only and text-message references get the same code page", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one run is enough: the page text does not depend on width");
  const letterOnly = await codePageText(page, "CR/100005/25");
  await expectNoAxeViolations(page, "code page for a letter-only victim");
  const unknown = await codePageText(page, "CR/999999/25");
  // CR/100004/25 is an email victim no other test signs in with.
  const known = await codePageText(page, "CR/100004/25");
  expect(unknown).toEqual(letterOnly);
  expect(known).toEqual(letterOnly);
  await expect(page.getByText(/call 101/i).first()).toBeVisible();
});

test("a reference in the wrong format gets a field error from the page", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Crime reference number").fill("CR_12");
  await page.getByRole("button", { name: "Continue" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeVisible();
  await expect(page.getByLabel("Crime reference number")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page, "sign-in page with a format error");
});

test("asking too often shows the server's plain words in the error summary", async ({ page }, testInfo) => {
  // A made-up reference per project, so no other test's victim is held up: 5 requests
  // an hour for one reference, then a 429.
  const reference = testInfo.project.name === "desktop" ? "CR/999998/25" : "CR/999997/25";
  for (let i = 0; i < 5; i++) await requestCode(page, reference);
  await page.goto("/sign-in");
  await page.getByLabel("Crime reference number").fill(reference);
  await page.getByRole("button", { name: "Continue" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeVisible();
  await expect(summary).toContainText(/Too many tries\. Try again in \d+ minutes?, or call 101\./);
  await expectNoAxeViolations(page, "sign-in page after too many requests");
});
