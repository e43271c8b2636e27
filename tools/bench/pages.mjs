// Page speed: Lighthouse's performance category (its default mobile preset: a mid-range
// phone on a slow 4G link, simulated) on every victim page, signed out and signed in.
// Median of 5 runs a page: one page's TBT varies by ±150 ms between runs on a slow host
// (README), too much for a single run or a median of 3 to tell a change from noise. Runs Lighthouse from end2end/node_modules in the system
// Chromium; signed-in pages get the session cookie through Lighthouse's extraHeaders.
//
// usage: CHROME_PATH=/usr/bin/chromium node tools/bench/pages.mjs <base url> <end2end dir>
//          <performance budget> <LCP budget s> <CLS budget> <TBT budget ms>
// The server must run with --demo (the sign-in code is read from /api/dev/outbox).
// Prints rows "metric<TAB>measured<TAB>budget<TAB>pass|fail".
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [base, nodeDir, perfArg, lcpArg, clsArg, tbtArg] = process.argv.slice(2);
if (!base || !nodeDir || !perfArg || !lcpArg || !clsArg || !tbtArg) {
  console.error("usage: node tools/bench/pages.mjs <base url> <end2end dir> <perf> <LCP s> <CLS> <TBT ms>");
  process.exit(2);
}
const budget = { perf: Number(perfArg), lcp: Number(lcpArg), cls: Number(clsArg), tbt: Number(tbtArg) };
const RUNS = 5;
// Every victim page reachable by URL, as end2end/tests/lighthouse.spec.ts checks them.
const { signedOut: SIGNED_OUT, signedIn: SIGNED_IN } = JSON.parse(
  readFileSync(resolve(nodeDir, "victim-pages.json"), "utf8"),
);
// A demo victim who receives codes by email (README "Trying the demo").
const VICTIM = { reference: "CR/100002/25", recipient: "alex.demo@example.org" };
// The flags that work on these machines (end2end/playwright.config.ts), headless.
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

const require = createRequire(resolve(nodeDir, "package.json"));
const { default: lighthouse } = await import(pathToFileURL(require.resolve("lighthouse")).href);

async function post(path, body) {
  const response = await fetch(new URL(path, base), {
    method: "POST",
    // The server refuses writes without same-origin proof, which a browser sends itself.
    headers: { "content-type": "application/json", origin: new URL(base).origin },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return response;
}

/** Signs the demo victim in as the app does: start, read the code from the outbox, verify. */
async function signIn() {
  await post("/api/sign-in/start", { crime_reference: VICTIM.reference });
  const outbox = await fetch(new URL(`/api/dev/outbox?recipient=${encodeURIComponent(VICTIM.recipient)}`, base));
  const { messages } = await outbox.json();
  const code = messages?.[0]?.body.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error("no sign-in code in the demo outbox (is the server running with --demo?)");
  const verified = await post("/api/sign-in/verify", { crime_reference: VICTIM.reference, code });
  const cookie = verified.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error("sign-in verify set no cookie");
  return cookie;
}

/** Starts Chromium with a DevTools port the kernel picks; resolves once Chromium says
 * where it listens. */
function launchChromium() {
  const profile = mkdtempSync(join(tmpdir(), "safe-updates-bench-chromium-"));
  const chrome = spawn(
    process.env.CHROME_PATH ?? "/usr/bin/chromium",
    [...CHROME_FLAGS, "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  return new Promise((resolve, reject) => {
    let stderr = "";
    chrome.stderr.on("data", (chunk) => {
      stderr += chunk;
      const port = stderr.match(/DevTools listening on ws:\/\/[^:]+:(\d+)\//)?.[1];
      if (port) {
        chrome.stderr.removeAllListeners("data");
        chrome.stderr.resume();
        resolve({
          port: Number(port),
          /** Stops Chromium and removes its profile once it has exited. */
          async close() {
            const exited = new Promise((done) => chrome.once("exit", done));
            chrome.kill();
            await exited;
            rmSync(profile, { recursive: true, force: true });
          },
        });
      }
    });
    chrome.once("exit", (code) => reject(new Error(`Chromium exited (${code}) before DevTools was ready:\n${stderr}`)));
  });
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// One Lighthouse run. Now and then Chromium's trace of the load comes back incomplete
// (NO_NAVSTART: "Please run Lighthouse again"); such a run measured nothing, so it is run
// again, at most twice, and said so.
async function runLighthouse(port, url, path, cookie) {
  for (let attempt = 1; ; attempt += 1) {
    const result = await lighthouse(url, {
      port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance"],
      extraHeaders: cookie ? { Cookie: cookie } : undefined,
    });
    const error = result.lhr.runtimeError;
    if (!error) return result.lhr;
    if (attempt > 2) throw new Error(`${path}: ${error.code} ${error.message}`);
    console.error(`  ${path}: Lighthouse could not record this run (${error.code}); running it again`);
  }
}

async function measure(port, path, cookie) {
  const url = new URL(path, base).toString();
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) {
    const lhr = await runLighthouse(port, url, path, cookie);
    if (cookie && lhr.finalDisplayedUrl !== url) {
      throw new Error(`${path}: ended on ${lhr.finalDisplayedUrl}, not signed in`);
    }
    runs.push({
      perf: Math.round((lhr.categories.performance.score ?? 0) * 100),
      lcp: lhr.audits["largest-contentful-paint"].numericValue / 1000,
      cls: lhr.audits["cumulative-layout-shift"].numericValue,
      tbt: lhr.audits["total-blocking-time"].numericValue,
    });
  }
  const m = Object.fromEntries(["perf", "lcp", "cls", "tbt"].map((k) => [k, median(runs.map((r) => r[k]))]));
  const failed = [];
  if (m.perf < budget.perf) failed.push("performance");
  if (m.lcp > budget.lcp) failed.push("LCP");
  if (m.cls > budget.cls) failed.push("CLS");
  if (m.tbt > budget.tbt) failed.push("TBT");
  console.log(
    [
      `Lighthouse ${path}${cookie ? " (signed in)" : ""}: performance / LCP / CLS / TBT`,
      `${m.perf} / ${m.lcp.toFixed(2)} s / ${m.cls.toFixed(3)} / ${Math.round(m.tbt)} ms`,
      `>= ${budget.perf} / <= ${budget.lcp} s / <= ${budget.cls} / <= ${budget.tbt} ms`,
      failed.length ? `fail (${failed.join(", ")})` : "pass",
    ].join("\t"),
  );
  console.error(`  ${path}: ${runs.map((r) => `${r.perf}/${r.lcp.toFixed(2)}s/${Math.round(r.tbt)}ms`).join("  ")}`);
}

const chrome = await launchChromium();
try {
  for (const path of SIGNED_OUT) await measure(chrome.port, path, null);
  const cookie = await signIn();
  for (const path of SIGNED_IN) await measure(chrome.port, path, cookie);
} finally {
  await chrome.close();
}
