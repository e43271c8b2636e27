// Bytes a victim's first visit downloads: dist/index.html and every asset it references
// (stylesheets, scripts, module preloads, the wasm, icons, fonts or images the CSS points
// at, and the modules a script imports, such as the split wasm's loader), brotli-compressed as the server sends them. Uses the .br files
// tools/precompress.mjs wrote, or compresses at quality 11 when a file has none. The staff
// app's first visit (dist/staff/index.html and what it references) gets a row of its own,
// with no budget: victims never download it.
//
// usage: node tools/bench/bytes.mjs <dist dir> <budget KB> >> results.tsv
// Prints rows "metric<TAB>measured<TAB>budget<TAB>pass|fail|-" (1 KB = 1,000 bytes).
import { existsSync, readFileSync } from "node:fs";
import { extname, join, posix } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const [dist, budgetArg] = process.argv.slice(2);
if (!dist || !budgetArg) {
  console.error("usage: node tools/bench/bytes.mjs <dist dir> <budget KB>");
  process.exit(2);
}
const budgetKb = Number(budgetArg);

function brotliBytes(path) {
  if (existsSync(`${path}.br`)) return readFileSync(`${path}.br`).length;
  const raw = readFileSync(path);
  return brotliCompressSync(raw, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  }).length;
}

/** Local URLs (same origin, not data: or external) referenced by an HTML page or a stylesheet. */
function references(text, kind) {
  const found = [];
  const css = [/url\(\s*["']?([^"')]+)["']?\s*\)/gi, /@import\s+["']([^"']+)["']/gi];
  // In HTML: tags, the loader's import('…') and module_or_path '…' (tools/paint-first.mjs
  // starts the app from a script), and url()s in the inlined stylesheet.
  // A script's static imports (`import … from "./x.js"`); never its `new URL(…)` fetches,
  // which the split wasm's loader makes only when a page is first shown.
  const imports = [/\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g];
  const patterns =
    kind === "js"
      ? imports
      : kind === "html"
      ? [
          /<(?:link|script|img|source)\b[^>]*?\s(?:href|src)=["']([^"']+)["']/gi,
          /\bimport\(\s*["']([^"']+)["']\s*\)/g,
          /\bmodule_or_path:\s*["']([^"']+)["']/g,
          ...css,
        ]
      : css;
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const url = match[1];
      if (/^(?:[a-z]+:|\/\/|#)/i.test(url)) continue; // external, data:, tel:, fragments
      found.push(url.split(/[?#]/)[0]);
    }
  }
  return found;
}

/** Path in dist -> brotli bytes, for `start` (an index.html) and everything it references. */
function firstVisit(start) {
  const files = new Map();
  const queue = [[start, "html"]];
  while (queue.length > 0) {
    const [rel, kind] = queue.shift();
    if (files.has(rel)) continue;
    const path = join(dist, rel);
    if (!existsSync(path)) {
      console.error(`bytes: ${rel} is referenced but not in ${dist}`);
      process.exit(1);
    }
    files.set(rel, brotliBytes(path));
    const text = kind === "other" ? "" : readFileSync(path, "utf8");
    for (const url of references(text, kind)) {
      // Relative to the referring file (a module's imports), or to the site's root.
      const child = url.startsWith("/") ? url.slice(1) : posix.join(posix.dirname(rel), url);
      const ext = extname(child);
      queue.push([child, { ".css": "css", ".html": "html", ".js": "js" }[ext] ?? "other"]);
    }
  }
  return files;
}

const files = firstVisit("index.html");
const kb = (bytes) => (bytes / 1000).toFixed(1);
let total = 0;
for (const [rel, bytes] of files) {
  total += bytes;
  console.log(`first visit: ${rel} (brotli)\t${kb(bytes)} KB\t-\t-`);
}
const pass = total <= budgetKb * 1000;
console.log(`first visit: total, ${files.size} files (brotli)\t${kb(total)} KB\t<= ${budgetKb} KB\t${pass ? "pass" : "fail"}`);

// Not in the budget, shown so nothing is hidden: once the page has loaded, the service
// worker (dist/sw.js, when the build has one) fetches itself and the build's other files
// for offline use.
const worker = join(dist, "sw.js");
if (existsSync(worker)) {
  const list = readFileSync(worker, "utf8").match(/PRECACHE_URLS\s*=\s*(\[[\s\S]*?\]);/)?.[1];
  const extra = ["sw.js", ...(list ? JSON.parse(list) : []).map((url) => url.replace(/^\//, ""))].filter(
    (rel) => !files.has(rel) && rel !== "" && existsSync(join(dist, rel)),
  );
  const unique = [...new Set(extra)];
  const bytes = unique.reduce((sum, rel) => sum + brotliBytes(join(dist, rel)), 0);
  console.log(`after load: service worker and its offline copies, ${unique.length} more files (brotli)\t${kb(bytes)} KB\t-\t-`);
}

// The staff app (dist/staff/, when built): its own first visit, beside the victim's.
const staffIndex = join("staff", "index.html");
if (existsSync(join(dist, staffIndex))) {
  const staff = firstVisit(staffIndex);
  const staffTotal = [...staff.values()].reduce((sum, bytes) => sum + bytes, 0);
  console.log(`staff app first visit: total, ${staff.size} files (brotli)\t${kb(staffTotal)} KB\t-\t-`);
}
