// Working on a flaky connection: the service worker (tools/service-worker.template.js)
// keeps the app shell and the rights and support content, so a second visit with no
// network still shows the emergency numbers, the rights and the helplines; the case pages
// say plainly that they need a connection. It never keeps personal data: after sign-out
// nothing from the API is left in Cache Storage, web storage or IndexedDB.
import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { emailVictimFor, signIn } from "./helpers";

const FIRST_RIGHT = { id: "right-to-understand-and-be-understood", title: "Right to understand and be understood" };

/** Loads the app and waits until the service worker has cached it and controls the page. */
async function visitUntilControlled(page: Page) {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Get updates about your crime report" })).toBeVisible();
  await page.evaluate(() => navigator.serviceWorker.ready);
  // clients.claim() hands this page to the worker once it has activated.
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** Cuts the network for the page and for the service worker, and checks it is cut. */
async function goOffline(context: BrowserContext, page: Page) {
  await context.setOffline(true);
  const reach = "fetch('/api/health', { cache: 'no-store' }).then(() => 'reached', () => 'offline')";
  expect(await page.evaluate(reach)).toBe("offline");
  const [worker] = context.serviceWorkers();
  expect(worker, "the service worker is running").toBeTruthy();
  expect(await worker.evaluate(reach)).toBe("offline");
}

async function expectEmergencyNumbers(page: Page) {
  const banner = page.locator(".app-emergency-banner");
  await expect(banner).toContainText("999");
  await expect(banner).toContainText("101");
  await expect(banner).toContainText("08 08 16 89 111");
  await expect(banner.locator('a[href="tel:999"]')).toBeVisible();
}

test("a second visit with no network shows the emergency numbers, rights and helplines", async ({ page, context }) => {
  await visitUntilControlled(page);
  await goOffline(context, page);

  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Get updates about your crime report" })).toBeVisible();
  await expectEmergencyNumbers(page);

  await page.goto("/rights");
  await expect(page.getByRole("heading", { level: 1, name: "Your rights under the Victims' Code" })).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(FIRST_RIGHT.title) }).first()).toBeVisible();
  await expectEmergencyNumbers(page);

  await page.goto(`/rights/${FIRST_RIGHT.id}`);
  await expect(page.getByRole("heading", { level: 1, name: FIRST_RIGHT.title })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What you are entitled to" })).toBeVisible();

  await page.goto("/support");
  await expect(page.getByRole("heading", { level: 1, name: "Support near you" })).toBeVisible();
  await expect(page.getByText("Victim Support Supportline").first()).toBeVisible();
  await expect(page.locator("main")).toContainText("08 08 16 89 111");

  // A page that needs the network says so, instead of a generic error.
  await page.goto("/case");
  await expect(page.getByRole("heading", { level: 1, name: "Your case" })).toBeVisible();
  await expect(page.getByRole("alert")).toHaveText("You're offline — your case updates will show when you're back online.");
  await expect(page.locator("main")).not.toContainText(/could not load|failed to fetch|TypeError/i);
  await expectEmergencyNumbers(page);

  // Welsh content is kept too.
  await page.evaluate(() => localStorage.setItem("safe-updates:language", JSON.stringify("cy")));
  await page.goto("/rights");
  await expect(page.getByRole("heading", { level: 1, name: "Eich hawliau o dan y Cod Dioddefwyr" })).toBeVisible();
  await page.goto("/support");
  await expect(page.locator("main")).toContainText("08 08 16 89 111");
  await page.goto("/case");
  await expect(page.getByRole("alert")).toContainText("Rydych chi all-lein");

  // Back online, the case page loads again by itself (no session here: it asks to sign in).
  await context.setOffline(false);
  await expect(page).toHaveURL(/\/sign-in$/);
});

test("nothing from a signed-in visit is left on the device after sign-out", async ({ page }, testInfo) => {
  // Personal data the API sent, collected as it arrives, to look for afterwards.
  const personal = new Set<string>();
  const keep = (value: unknown) => {
    if (typeof value === "string" && value.length >= 5) personal.add(value);
  };
  page.on("response", async (response) => {
    if (!new URL(response.url()).pathname.startsWith("/api/cases/")) return;
    const body = await response.json().catch(() => null);
    if (!body) return;
    keep(body.crime_reference);
    keep(body.crime_type);
    for (const field of ["name", "phone", "phone_link", "email"]) keep(body.officer?.[field]);
    for (const field of ["phone", "email", "address", "postcode"]) keep(body.preferences?.[field]);
  });

  await visitUntilControlled(page);
  const victim = emailVictimFor(testInfo.project.name);
  personal.add(victim.reference);
  personal.add(victim.recipient);
  await signIn(page, victim);
  await expect(page.getByRole("heading", { name: "Where your case is now" })).toBeVisible();
  // A full page load of the case while signed in goes through the worker too.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Where your case is now" })).toBeVisible();

  const caseNav = page.getByRole("navigation", { name: "Your case" });
  await caseNav.getByRole("link", { name: "How we contact you" }).click();
  await expect(page.getByRole("button", { name: "Save" })).toBeVisible();
  await caseNav.getByRole("link", { name: "Ask for a callback" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Ask for a callback" })).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: /Loading/ })).toHaveCount(0);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/signed-out$/);
  expect(personal.size, "personal data was seen to look for").toBeGreaterThan(4);

  const device = await page.evaluate(async () => {
    const cached: { url: string; body: string }[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        cached.push({ url: request.url, body: response ? await response.text() : "" });
      }
    }
    const storage = (store: Storage) => Object.entries({ ...store });
    return {
      cached,
      local: storage(localStorage),
      session: storage(sessionStorage),
      databases: (await indexedDB.databases()).map((db) => db.name),
    };
  });

  // The worker did keep the app and its content…
  const paths = device.cached.map(({ url }) => new URL(url).pathname);
  expect(paths).toContain("/index.html");
  expect(paths).toContain("/content/rights.en.json");
  // …and nothing else: no API response, no personal data in any cached file.
  for (const { url, body } of device.cached) {
    expect(new URL(url).pathname, url).not.toMatch(/^\/api(\/|$)/);
    for (const value of personal) expect(body.includes(value), `${url} contains personal data`).toBe(false);
  }
  // Web storage holds display settings only, under the app's prefix.
  for (const [key, value] of [...device.local, ...device.session]) {
    expect(key).toMatch(/^safe-updates:/);
    for (const secret of personal) expect(value.includes(secret), `${key} contains personal data`).toBe(false);
  }
  expect(device.session).toEqual([]);
  expect(device.databases).toEqual([]);
});
