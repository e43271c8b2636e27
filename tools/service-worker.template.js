// Safe Updates service worker: keeps the app shell and the rights and support content on
// the device, so a second visit with no signal still shows the emergency numbers, the
// rights and the helplines. tools/service-worker.mjs writes dist/sw.js from this file after
// trunk, putting BUILD_VERSION and PRECACHE_URLS (every file of the build) above it.
//
// What each request gets:
// - /api/* and anything that is not a same-origin GET: not touched (network only). The
//   worker never stores an API response: they carry personal data.
// - /staff and below (the staff app, a separate web app): not touched either; the worker
//   neither lists nor keeps any of its files.
// - Page loads (navigations): the network first; the cached app shell (index.html) if the
//   network fails or takes longer than NAVIGATION_TIMEOUT_MS. The app routes on the
//   client, so the shell serves every path. The network's answer is not stored: the cached
//   shell must match the cached scripts of the same build.
// - The build's files (hashed CSS, JS and wasm, favicon, /content/*.json): from the cache,
//   else the network.
// - Anything else: the network, not stored.
//
// A new build has a new BUILD_VERSION, so a new cache: the new worker fills it on install,
// takes over at once (skipWaiting, clients.claim) and deletes every older cache.

/* global BUILD_VERSION, PRECACHE_URLS */
"use strict";

const CACHE_NAME = `safe-updates-${BUILD_VERSION}`;
const SHELL_URL = "/index.html";
const NAVIGATION_TIMEOUT_MS = 5000;
const PRECACHED = new Set(PRECACHE_URLS);

/** trunk's file hash (16 hex digits), as the server's `has_build_hash` reads it. */
function isHashed(url) {
  return /[-_.][0-9a-f]{16}[-_.]/.test(url);
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE_NAME);
      // Hashed files never change, so the HTTP cache may answer (the page has just loaded
      // them). The others must be this build's: revalidate them with the server.
      await cache.addAll(
        PRECACHE_URLS.map((url) => new Request(url, { cache: isHashed(url) ? "default" : "no-cache" })),
      );
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      // Every cache on this origin is the worker's; only this build's stays.
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name !== CACHE_NAME).map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname === "/api" || url.pathname.startsWith("/api/")) return;
  if (url.pathname === "/staff" || url.pathname.startsWith("/staff/")) return;
  if (request.mode === "navigate") {
    event.respondWith(networkFirstShell(request));
  } else if (PRECACHED.has(url.pathname)) {
    event.respondWith(cacheFirst(request, url.pathname));
  }
});

async function networkFirstShell(request) {
  const network = fetch(request);
  try {
    return await Promise.race([network, timeout(NAVIGATION_TIMEOUT_MS)]);
  } catch {
    const cache = await caches.open(CACHE_NAME);
    const shell = await cache.match(SHELL_URL);
    // No shell yet (the first visit is still installing): keep waiting for the network.
    return shell ?? network;
  }
}

async function cacheFirst(request, path) {
  const cache = await caches.open(CACHE_NAME);
  return (await cache.match(path)) ?? fetch(request);
}

function timeout(ms) {
  return new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), ms));
}
