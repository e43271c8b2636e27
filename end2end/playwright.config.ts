// Playwright runs the real portal: the API server binary serving the trunk-built app, on a
// fresh SQLite database with demo data, driven in the system Chromium.
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 8091);
const baseURL = `http://127.0.0.1:${port}`;
const chromium = process.env.CHROME_PATH ?? "/usr/bin/chromium";
// The debug server the Rust tests built; E2E_SERVER for a build elsewhere (CARGO_TARGET_DIR).
const server = process.env.E2E_SERVER ?? "../target/debug/server";

export default defineConfig({
  testDir: "./tests",
  // One worker: the tests share one server and its demo victims, and a new sign-in code
  // replaces the last one, so tests run one after another (the suite takes about a minute).
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["./summary-reporter.ts"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // Never a downloaded browser: Debian's Chromium, with the flags that work offline here.
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { viewport: { width: 1280, height: 800 } } },
    { name: "mobile-320", use: { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true } },
  ],
  webServer: {
    // A new database file every run, so the tests always start from the demo data.
    command:
      `rm -f .e2e/portal.db .e2e/portal.db-wal .e2e/portal.db-shm .e2e/staff-steps.json && mkdir -p .e2e && ` +
      `exec ${server} --addr 127.0.0.1:${port} ` +
      `--database-url sqlite://.e2e/portal.db --static-dir ../dist --demo ` +
      // Every test signs in from 127.0.0.1: lift the per-address limit (the per-reference
      // limits stay, and the tests keep within them).
      `--sign-in-limit-per-ip 100000`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
  },
});
