// Builds the victim app's wasm into dist/, split per page, and adds its loader to
// dist/index.html. Trunk builds the rest (HTML, CSS, content) but cannot split a wasm
// (trunk issue 1022), so index.html tells it to skip the app (`data-trunk-skip`) and this
// runs after it, before tools/paint-first.mjs:
//
//  1. cargo builds the app (profile wasm-release) with a std of its own (see
//     OWN_STD_RUSTFLAGS), its final link keeping the linker's relocations and each
//     constant's own data segment, which the split needs;
//  2. wasm-split-cli cuts it at the lazy routes (`src/lib.rs`): a main module (the shell
//     and the start page), a file per page, and chunks of code several pages share, with
//     `__wasm_split.js`, which fetches a page's files the first time it is shown;
//  3. wasm-bindgen writes the JS bindings of the main module (`--keep-lld-exports`: the
//     page files call into it), and wasm-opt -Oz shrinks every wasm file;
//  4. every file gets the build's 16-hex-digit id in its name (the server caches such
//     names for a year, so a new build must never reuse one), and index.html gets the
//     same preloads and start script trunk writes, which paint-first.mjs then rewrites.
//
// usage: node tools/victim-wasm.mjs <dist dir>
// Needs cargo, wasm-split-cli, wasm-bindgen and wasm-opt on PATH (./x installs them).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const PACKAGE = "safe-updates";
const PROFILE = "wasm-release";
// The wasm features rustc 1.95 emits for target "generic": wasm-opt must be told them.
const WASM_FEATURES = [
  "--enable-bulk-memory",
  "--enable-bulk-memory-opt",
  "--enable-call-indirect-overlong",
  "--enable-multivalue",
  "--enable-mutable-globals",
  "--enable-nontrapping-float-to-int",
  "--enable-reference-types",
  "--enable-sign-ext",
];
const LINK_JS = "__wasm_split.js";

const dist = process.argv[2];
if (!dist) {
  console.error("usage: node tools/victim-wasm.mjs <dist dir>");
  process.exit(2);
}

function run(command, args, options = {}) {
  execFileSync(command, args, { stdio: ["ignore", "inherit", "inherit"], cwd: ROOT, ...options });
}

function fail(what) {
  console.error(`victim-wasm: ${what}`);
  process.exit(1);
}

// 1. The app, as trunk would build it.
// Linker options, for the final link only (as RUSTFLAGS they would rebuild every dependency,
// and the staff app's wasm must not have them: wasm-opt cannot shrink a wasm that keeps its
// relocations). `--emit-relocs` keeps the relocations the split needs;
// `--no-merge-data-segments` keeps each constant (texts, page templates) in a segment of its
// own, which the split can move to the page that uses it: merged into one, all of them
// stayed in the main module (179.5 KB brotli against 146.4 KB, measured).
const LINK_ARGS = ["-Clink-args=--emit-relocs", "-Clink-args=--no-merge-data-segments"];
// std built with the app, without what a release never shows: panic messages and their
// file and line (`immediate-abort`: a panic stops the app at once, which `abort` already
// did after printing), and `{:?}` output (only logs use it). Measured on the main module:
// 146 → 127 KB brotli. These are unstable flags; RUSTC_BOOTSTRAP takes them on this
// stable toolchain for this build alone, in a target folder of its own, so tests, the
// staff app and debug builds keep the prebuilt std. `--cfg erase_components` repeats
// .cargo/config.toml, which RUSTFLAGS replaces.
const OWN_STD_RUSTFLAGS = [
  "--cfg", "erase_components",
  "-Zunstable-options", "-Cpanic=immediate-abort",
  "-Zlocation-detail=none",
  "-Zfmt-debug=none",
];
const sysroot = execFileSync("rustc", ["--print", "sysroot"], { cwd: ROOT, encoding: "utf8" }).trim();
const ownStd = existsSync(join(sysroot, "lib", "rustlib", "src", "rust", "library", "std"));
const workspaceTarget = JSON.parse(
  execFileSync("cargo", ["metadata", "--format-version", "1", "--no-deps"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 }),
).target_directory;
const targetDir = ownStd ? join(workspaceTarget, "victim-std") : workspaceTarget;
if (!ownStd) {
  console.warn("victim-wasm: the toolchain has no rust-src (rustup component add rust-src): building with the prebuilt std, about 20 KB more on a first visit");
}
run(
  "cargo",
  ["rustc", "--locked", ...(ownStd ? ["-Zbuild-std=std,panic_abort"] : []), "--target", "wasm32-unknown-unknown", "--profile", PROFILE, "-p", PACKAGE, "--bin", PACKAGE, "--", ...LINK_ARGS],
  ownStd ? { env: { ...process.env, RUSTC_BOOTSTRAP: "1", CARGO_TARGET_DIR: targetDir, RUSTFLAGS: OWN_STD_RUSTFLAGS.join(" ") } } : {},
);
const built = join(targetDir, "wasm32-unknown-unknown", PROFILE, `${PACKAGE}.wasm`);
const id = createHash("sha256").update(readFileSync(built)).digest("hex").slice(0, 16);
const name = `${PACKAGE}-${id}`;

const work = mkdtempSync(join(tmpdir(), "victim-wasm-"));
try {
  // 2. Split at the lazy routes.
  const split = join(work, "split");
  run("wasm-split-cli", ["--target", "web", "--out-name", name, built, split]);
  const pieces = readdirSync(split).filter((file) => file.endsWith(".wasm") && file !== `${name}.wasm`);
  if (!pieces.some((file) => file.startsWith("split_"))) fail("no page was split out: are the routes in src/lib.rs still lazy?");

  // 3. Bindings for the main module, then every wasm file optimised into dist/.
  const bound = join(work, "bound");
  run("wasm-bindgen", ["--target", "web", "--no-typescript", "--keep-lld-exports", "--out-dir", bound, "--out-name", name, join(split, `${name}.wasm`)]);
  const optimise = (from, to) => run("wasm-opt", ["-Oz", ...WASM_FEATURES, from, "-o", to]);
  optimise(join(bound, `${name}_bg.wasm`), join(dist, `${name}_bg.wasm`));
  // 4. Pieces renamed with the build's id, and the loader told their new names.
  const renamed = (file) => file.replace(/\.wasm$/, `-${id}.wasm`);
  let linkJs = readFileSync(join(split, LINK_JS), "utf8");
  for (const piece of pieces) {
    optimise(join(split, piece), join(dist, renamed(piece)));
    const reference = `"./${piece}"`;
    if (!linkJs.includes(reference)) fail(`${LINK_JS} does not name ${piece}: has wasm-split-cli's output changed?`);
    linkJs = linkJs.replaceAll(reference, `"./${renamed(piece)}"`);
  }
  const linkName = `__wasm_split-${id}.js`;
  writeFileSync(join(dist, linkName), linkJs);
  let bindings = readFileSync(join(bound, `${name}.js`), "utf8");
  // Only where the module is fetched: the wasm's own import names (the keys of the object
  // it is instantiated with) stay "./__wasm_split.js".
  const fetched = `from "./${LINK_JS}"`;
  if (!bindings.includes(fetched)) fail(`${name}.js does not import ${LINK_JS}: has wasm-bindgen's output changed?`);
  bindings = bindings.replaceAll(fetched, `from "./${linkName}"`);
  writeFileSync(join(dist, `${name}.js`), bindings);

  // What trunk would have written: preloads and a start script (paint-first.mjs's input).
  const indexPath = join(dist, "index.html");
  const html = readFileSync(indexPath, "utf8");
  if (!html.includes("</head>")) fail(`no </head> in ${indexPath}`);
  const loader = `<link rel="modulepreload" href="/${name}.js" crossorigin="anonymous">
<link rel="preload" href="/${name}_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm">
<script type="module">
import init, * as bindings from '/${name}.js';
const wasm = await init({ module_or_path: '/${name}_bg.wasm' });
window.wasmBindings = bindings;
dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
</script>
`;
  writeFileSync(indexPath, html.replace("</head>", () => `${loader}</head>`));
  console.log(`victim-wasm: ${name}: the main module and ${pieces.length} page files in ${dist}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
