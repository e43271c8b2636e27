// Makes the static shell in dist/index.html paint first on a slow connection:
//  1. trunk's stylesheet is inlined as a <style> element, so the first paint needs the
//     HTML alone (one round trip fewer; the CSS is 6 KB brotli);
//  2. the app's JS and wasm are fetched after that first paint (trunk's preload links are
//     dropped and its loader waits for the first contentful paint), so the emergency
//     numbers and the exit button show at once and the wasm never competes with them for
//     a slow link.
// The server allows the inline script and style by their hashes (crates/server/src/csp.rs).
// Run after trunk and before service-worker.mjs and precompress.mjs.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = process.argv[2];
if (!root) {
  console.error("usage: node tools/paint-first.mjs <dist dir>");
  process.exit(2);
}
const indexPath = join(root, "index.html");
let html = readFileSync(indexPath, "utf8");

function fail(what) {
  console.error(`paint-first: ${what} not found in ${indexPath}; has trunk's output changed?`);
  process.exit(1);
}

// 1. <link rel="stylesheet" href="/main-HASH.css" integrity="…"/> → <style>…</style>
const stylesheet = html.match(/<link rel="stylesheet" href="\/([^"]+\.css)"[^>]*>/);
if (!stylesheet) fail("trunk's stylesheet link");
const cssPath = join(root, stylesheet[1]);
const css = readFileSync(cssPath, "utf8");
if (css.includes("</style")) fail("a stylesheet that can be inlined");
html = html.replace(stylesheet[0], () => `<style>${css}</style>`);
rmSync(cssPath);

// 2. Drop the preloads of the JS and wasm…
const preloads = /<link rel="(?:modulepreload|preload)" href="\/[^"]+\.(?:js|wasm)"[^>]*>/g;
if ((html.match(preloads) || []).length !== 2) fail("trunk's two preload links");
html = html.replace(preloads, "");

// …and start the app after the first paint.
const loader = html.match(/<script type="module">\s*import init, \* as bindings from '([^']+\.js)';\s*const wasm = await init\(\{ module_or_path: '([^']+\.wasm)' \}\);[\s\S]*?<\/script>/);
if (!loader) fail("trunk's loader script");
const [, jsUrl, wasmUrl] = loader;
// "After the first paint" means after the browser has reported its first contentful paint:
// a frame requested with requestAnimationFrame can be shown later than that on a fast link,
// after the wasm has arrived, and then the page's first paint waited for the app in
// Lighthouse (LCP 0.8 or 1.4 s from one run to the next, measured; issue 14). A page
// opened in the background paints nothing until it is shown, so it starts at once; the
// timer is a safety net, never the usual way in.
const start = `<script type="module">
let started = false;
const start = async () => {
  if (started) return;
  started = true;
  const bindings = await import('${jsUrl}');
  const wasm = await bindings.default({ module_or_path: '${wasmUrl}' });
  window.wasmBindings = bindings;
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
};
if (document.visibilityState === "visible" && PerformanceObserver.supportedEntryTypes?.includes("paint")) {
  new PerformanceObserver((list, observer) => {
    if (list.getEntriesByName("first-contentful-paint").length) {
      observer.disconnect();
      setTimeout(start, 0);
    }
  }).observe({ type: "paint", buffered: true });
  setTimeout(start, 3000);
} else {
  requestAnimationFrame(() => setTimeout(start, 0));
}
</script>`;
html = html.replace(loader[0], () => start);
writeFileSync(indexPath, html);
