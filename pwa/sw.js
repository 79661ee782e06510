// The service worker: keeps one build of the app in a cache so that it starts without a network.
//
// scripts/post-build.mjs writes this file into the build with BUILD filled in (the list of every
// file Trunk produced, with SHA-256 digests); unfilled, it fails to install.
//
// - install: fetch every file of the build into a cache of its own, checking that each is this
//   build's, so a cache never mixes two builds (a deploy half-way through fails the install; the browser retries).
//   It then waits: the page offers 「有新版本，点击刷新」 and sends 'skip-waiting' when clicked.
// - activate: delete this scope's caches of other builds, take control of open pages.
// - fetch: pages (navigations) network-first, falling back to the cached index.html when the
//   network fails, answers 5xx or is slow; files with a content hash in their name cache-first;
//   the other files of the build (worker, manifest, icons) network-first, so a page that came from
//   the network gets files of its own build.
'use strict';

const BUILD = __XXGK_BUILD__;

const SCOPE = self.registration.scope;
// Several apps (or copies) may share an origin: only this scope's caches are ever deleted.
const CACHE_PREFIX = `xxgk-report:${SCOPE}:`;
const CACHE = CACHE_PREFIX + BUILD.version;
const SHELL = new URL('index.html', SCOPE).href;
// An unreliable network should not keep the clerk waiting for a page the cache holds.
const NAVIGATION_TIMEOUT_MS = 4000;
const FILES = new Map(BUILD.files.map((f) => [new URL(f.path, SCOPE).href, f]));
// Served with the right type whatever the web server said (a wrong .wasm type slows start-up).
const TYPES = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  wasm: 'application/wasm',
  css: 'text/css; charset=utf-8',
  webmanifest: 'application/manifest+json',
  png: 'image/png',
};

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => n.startsWith(CACHE_PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  const type = event.data && event.data.type;
  if (type === 'skip-waiting') {
    self.skipWaiting();
  } else if (type === 'version' && event.ports[0]) {
    event.ports[0].postMessage({ version: BUILD.version });
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  if (request.mode === 'navigate') {
    event.respondWith(page(request));
    return;
  }
  const url = new URL(request.url);
  const file = FILES.get(url.origin + url.pathname);
  if (!file) return; // not part of the build: the browser's own handling
  event.respondWith(file.immutable ? cacheFirst(request, url.href) : networkFirst(request, url.href));
});

async function precache() {
  const cache = await caches.open(CACHE);
  await Promise.all(BUILD.files.map(async (file) => {
    const url = new URL(file.path, SCOPE).href;
    // A hashed file the page just loaded is in the HTTP cache already; anything else is revalidated.
    const modes = file.immutable ? ['default', 'reload'] : ['no-cache'];
    for (const mode of modes) {
      const response = await fetch(url, { cache: mode });
      if (!response.ok) throw new Error(`precache ${file.path}: HTTP ${response.status}`);
      const body = await response.arrayBuffer();
      if (await ofThisBuild(file, body)) {
        const type = TYPES[file.path.split('.').pop()] || response.headers.get('content-type') || 'application/octet-stream';
        await cache.put(url, new Response(body, { headers: { 'content-type': type } }));
        return;
      }
    }
    throw new Error(`precache ${file.path}: the server has another build's file (this is build ${BUILD.version})`);
  }));
}

// index.html is recognised by its build mark (a portal's proxy may add to the page); every other
// file by its digest.
async function ofThisBuild(file, body) {
  if (file.path === 'index.html') {
    return new TextDecoder().decode(body).includes(`<meta name="xxgk-build" content="${BUILD.version}"`);
  }
  return hex(await crypto.subtle.digest('SHA-256', body)) === file.sha256;
}

async function page(request) {
  const network = fetch(request);
  network.catch(() => {}); // awaited below, or dropped after the timeout
  try {
    const response = await Promise.race([network, timeout(NAVIGATION_TIMEOUT_MS)]);
    if (response.status < 500) return response;
  } catch {
    // offline, refused or too slow: the cached page below
  }
  // A page of the build (summary.html) falls back to itself; any other address to the app.
  const url = new URL(request.url);
  const own = FILES.has(url.origin + url.pathname) && url.pathname.endsWith('.html') ? url.origin + url.pathname : SHELL;
  const cached = await caches.match(own, { cacheName: CACHE });
  return cached || network;
}

async function cacheFirst(request, url) {
  const cached = await caches.match(url, { cacheName: CACHE });
  return cached || fetch(request);
}

async function networkFirst(request, url) {
  try {
    const response = await fetch(request);
    if (response.status < 500) return response;
  } catch {
    // offline: the cached copy below
  }
  const cached = await caches.match(url, { cacheName: CACHE });
  return cached || fetch(request);
}

function timeout(ms) {
  return new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));
}

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}
