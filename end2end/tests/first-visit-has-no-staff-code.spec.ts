// A victim's download never carries the staff side: the first-visit files (index.html and
// everything it references, as the server sends them) and the service worker with the
// files it keeps offline hold no staff route, cookie, type, demo staff text or staff app
// text (crates/staff/locales, English and Welsh), nothing of demo mode (its outbox page
// and API), and the worker lists no staff app file.
import { expect, test } from "@playwright/test";

const STAFF_MARKERS = [
  "/api/staff",
  "su_staff_session",
  "StaffSignIn",
  "StaffCase",
  "staff_session",
  "Demo staff",
  // Demo mode's own API (the outbox a demo visitor reads codes from): never in the app.
  "/api/dev/",
  "Sergeant Morgan Lewis",
  // The staff app's own texts (ASCII, so they are found in the wasm read as Latin-1 too).
  "How to contact the victim safely",
  "Work email address",
  "Code from your authenticator app",
  "Next Victims' Code deadline",
  "Do not leave voicemail",
  "Withhold caller ID",
  "Cuddiwch rif y galwr",
  "Cyfeiriad e-bost gwaith",
];

/** Same-origin paths an HTML page or the app's loader references. */
function references(html: string): string[] {
  const patterns = [
    /<(?:link|script|img|source)\b[^>]*?\s(?:href|src)=["']([^"']+)["']/gi,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
    /\bmodule_or_path:\s*["']([^"']+)["']/g,
    /url\(\s*["']?([^"')]+)["']?\s*\)/gi,
  ];
  const found: string[] = [];
  for (const pattern of patterns) {
    for (const match of html.matchAll(pattern)) {
      const url = match[1];
      if (/^(?:[a-z]+:|\/\/|#)/i.test(url)) continue;
      found.push(url.split(/[?#]/)[0]);
    }
  }
  return found;
}

test("the victim's first visit and offline files contain no staff code or text", async ({ request }) => {
  test.skip(test.info().project.name !== "desktop", "the files are the same for every viewport");
  const seen = new Map<string, string>();
  const queue = ["/", "/sw.js"];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    // Latin-1 keeps every byte, so ASCII markers are found in the wasm too.
    const text = Buffer.from(await response.body()).toString("latin1");
    seen.set(path, text);
    if (path === "/") queue.push(...references(text));
    // The files the service worker keeps for offline use.
    if (path === "/sw.js") {
      const list = text.match(/PRECACHE_URLS\s*=\s*\[([^\]]*)\]/)?.[1] ?? "";
      const urls = [...list.matchAll(/"(\/[^"]*)"/g)].map((match) => match[1]);
      expect(urls.length, "the offline file list was found").toBeGreaterThan(0);
      const staffFiles = urls.filter((url) => url === "/staff" || url.startsWith("/staff/"));
      expect(staffFiles, "staff app files in the victim's offline list").toEqual([]);
      queue.push(...urls);
    }
  }
  expect([...seen.keys()].some((path) => path.endsWith(".wasm")), "the wasm was checked").toBe(true);
  expect([...seen.keys()].some((path) => path.endsWith(".js")), "the loader was checked").toBe(true);
  for (const [path, text] of seen) {
    for (const marker of STAFF_MARKERS) {
      expect(text.includes(marker), `${path} contains "${marker}"`).toBe(false);
    }
  }
});

test("the staff app's own download does carry those texts (the markers above mean something)", async ({ request }) => {
  test.skip(test.info().project.name !== "desktop", "the files are the same for every viewport");
  const index = await request.get("/staff/");
  expect(index.status()).toBe(200);
  const wasm = references(await index.text()).find((path) => path.endsWith(".wasm"));
  expect(wasm, "the staff index references its wasm").toBeTruthy();
  const text = Buffer.from(await (await request.get(wasm!)).body()).toString("latin1");
  expect(text.includes("Work email address")).toBe(true);
  expect(text.includes("Cuddiwch rif y galwr")).toBe(true);
});
