// Shared helpers for the browser tests (tests/e2e/*.test.mjs, run by `node --test`).
//
//   import { startServer, launchBrowser, openApp, distDir } from './lib/harness.mjs';
//   const server = await startServer();                 // serves $XXGK_DIST (default <repo>/dist)
//   const browser = await launchBrowser();              // fresh profile, acceptDownloads
//   const { page, consoleErrors } = await openApp(browser, server.url);
//   browser.requests                                    // every URL any page/worker requested
//   await browser.close(); await server.stop();
//
// Chromium is Debian's /usr/bin/chromium (override: CHROMIUM_PATH), driven by playwright-core
// (no browser download). Headless flags are the ones TOOLCHAIN.md found necessary on this machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, after } from 'node:test';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { startStaticServer } from './server.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** The Trunk output directory under test. */
export const distDir = path.resolve(process.env.XXGK_DIST || path.join(repoRoot, 'dist'));
/** Screenshots, downloads and other artefacts (git-ignored). */
export const outDir = path.join(repoRoot, 'tests/e2e/out');

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

/** The app's title as shown in the page header. */
export const APP_TITLE = '政府信息公开工作年度报告编制';

/** Console messages that are known to be harmless (matched as substrings). */
export const IGNORED_CONSOLE = [
  // Trunk puts SRI hashes on <link rel=preload>; Chromium warns that it ignores them there.
  'The `integrity` attribute is currently ignored for preload destinations',
];

/** Start the static server on 127.0.0.1 with a free port. Options: { root, port, prefix } (prefix: serve at a sub-path). */
export async function startServer({ root = distDir, port = 0, prefix = '/' } = {}) {
  if (!fs.existsSync(path.join(root, 'index.html'))) {
    throw new Error(`no index.html in ${root}: run \`trunk build --release\` first (or set XXGK_DIST)`);
  }
  return startStaticServer({ root, port, prefix });
}

const STARTED_FLAG = () => {
  window.__xxgkTrunkStarted = false;
  addEventListener('TrunkApplicationStarted', () => {
    window.__xxgkTrunkStarted = true;
  });
};

/**
 * Launch Chromium with a fresh, empty profile (a new temp user-data-dir) and acceptDownloads.
 * Returns { context, requests, newPage(), close() }. `requests` collects the URL of every request
 * made by any page or worker of the context, in order. close() also deletes the profile.
 * Extra Playwright context options can be passed in `options` (e.g. { viewport }).
 */
export async function launchBrowser(options = {}) {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-e2e-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    acceptDownloads: true,
    args: CHROMIUM_ARGS,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  // Lets waitForApp() see Trunk's `TrunkApplicationStarted` event in every page of the context.
  await context.addInitScript(STARTED_FLAG);
  const requests = [];
  context.on('request', (req) => requests.push(req.url()));
  let closed = false;
  return {
    context,
    requests,
    userDataDir,
    async newPage() {
      return context.newPage();
    },
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => {});
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Record console errors and uncaught page errors of `page` (known-harmless ones are skipped).
 * Returns an array that fills up as messages arrive: [{ type, text }].
 */
export function collectConsoleErrors(page) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const text = msg.text();
    if (IGNORED_CONSOLE.some((s) => text.includes(s))) return;
    errors.push({ type: 'console.error', text });
  });
  page.on('pageerror', (err) => errors.push({ type: 'pageerror', text: String(err && err.stack || err) }));
  page.on('crash', () => errors.push({ type: 'crash', text: 'page crashed' }));
  return errors;
}

/**
 * Resolves once the Trunk loader has initialised the wasm module (it fires `TrunkApplicationStarted`
 * after wasm-bindgen's init, i.e. after Rust `main` ran) and the Leptos app has put its elements into
 * <body>. `selector`, if given, must also be visible.
 */
export async function waitForApp(page, { selector = null, timeout = 30_000 } = {}) {
  await page.waitForFunction(
    () =>
      window.__xxgkTrunkStarted === true &&
      document.body !== null &&
      document.body.querySelector(':scope > :not(script):not(link):not(style):not(noscript):not(template)') !== null,
    null,
    { timeout },
  );
  if (selector) await page.locator(selector).first().waitFor({ state: 'visible', timeout });
}

/**
 * Open the app at `url` in a new page of `browser` (from launchBrowser) and wait until it has mounted.
 * Returns { page, consoleErrors }. Options: { selector, timeout, page } (pass `page` to reuse one).
 */
export async function openApp(browser, url, { selector = null, timeout = 30_000, page = null } = {}) {
  const p = page || (await browser.newPage());
  // A page passed in keeps whatever collectConsoleErrors() was attached to it before.
  const consoleErrors = page ? [] : collectConsoleErrors(p);
  await p.goto(url, { waitUntil: 'load', timeout });
  await waitForApp(p, { selector, timeout });
  return { page: p, consoleErrors };
}

/**
 * One server and one browser for a whole test file, started before its first test and closed after
 * its last; `cleanUp` runs last. A before hook of the file that needs them awaits `ready()` first:
 * node 20 runs a file's before hooks side by side, not one after another.
 */
export function fileSession({ cleanUp } = {}) {
  let started;
  const session = {
    server: null,
    browser: null,
    ready: () =>
      (started ??= (async () => {
        session.server = await startServer();
        session.browser = await launchBrowser();
      })()),
  };
  before(session.ready);
  after(async () => {
    await session.browser?.close();
    await session.server?.stop();
    cleanUp?.();
  });
  return session;
}

/**
 * One server for a test file and a fresh browser profile (empty storage) per `browser()`;
 * `open(browser)` loads the app with its grid ready. `stop()` closes everything it started.
 */
export function appSession() {
  let server;
  const browsers = [];
  return {
    async start() {
      server = await startServer();
    },
    async browser() {
      const b = await launchBrowser();
      browsers.push(b);
      return b;
    },
    open(browser) {
      return openApp(browser, server.url, { selector: '[data-field]' });
    },
    async stop() {
      for (const b of browsers) await b.close();
      await server?.stop();
    },
    get url() {
      return server.url;
    },
  };
}

/** Reload `page` and wait for the app to mount again. */
export async function reloadApp(page, { selector = null, timeout = 30_000 } = {}) {
  await page.reload({ waitUntil: 'load', timeout });
  await waitForApp(page, { selector, timeout });
}

/** The URLs in `urls` whose origin is not `origin` (data: and blob: URLs count as local). */
export function foreignRequests(urls, origin) {
  return urls.filter((u) => {
    if (u.startsWith('data:') || u.startsWith('blob:')) return false;
    try {
      return new URL(u).origin !== origin;
    } catch {
      return true;
    }
  });
}

/** Save a screenshot under tests/e2e/out/<name>.png and return its path. */
export async function screenshot(page, name) {
  fs.mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

// --- offline use: the service worker (pwa/sw.js, sealed into each build by scripts/post-build.mjs) ---

/**
 * Resolves once a service worker controls `page`. On a first visit the worker precaches the
 * whole build, activates and takes control of the open page, so this also means "cached".
 */
export async function waitForServiceWorker(page, { timeout = 60_000 } = {}) {
  await page.waitForFunction(() => navigator.serviceWorker?.controller?.state === 'activated', null, { timeout });
}

/** The build post-build sealed into `<dir>/sw.js`: { version, files: [{ path, sha256, immutable }] }. */
export function readBuild(dir = distDir) {
  const sw = fs.readFileSync(path.join(dir, 'sw.js'), 'utf8');
  const m = /const BUILD = (\{[\s\S]*?\n\});\n/.exec(sw);
  if (!m) throw new Error(`${dir}/sw.js holds no build list: was it built by Trunk with the post_build hook?`);
  return JSON.parse(m[1]);
}

/** Every file of a build directory, as paths relative to it ('icons/icon-192.png'), sorted. */
export function listBuildFiles(dir = distDir) {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath ?? e.path, e.name)).split(path.sep).join('/'))
    .sort();
}

/**
 * A copy of the build in `dir` made into a new version, as a deploy would: index.html gets
 * <meta name="xxgk-test-build" content=mark> and the copy is sealed again by scripts/post-build.mjs
 * (new version, new sw.js). Returns the copy's directory (under the OS temp dir).
 */
export function makeNextBuild(mark, dir = distDir) {
  const next = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-e2e-build-'));
  fs.cpSync(dir, next, { recursive: true });
  const index = path.join(next, 'index.html');
  const html = fs.readFileSync(index, 'utf8').replace('</head>', `<meta name="xxgk-test-build" content="${mark}" />\n</head>`);
  fs.writeFileSync(index, html);
  execFileSync(process.execPath, [path.join(repoRoot, 'scripts/post-build.mjs'), next], { stdio: 'pipe' });
  return next;
}

/**
 * Waits until `page` has loaded everything it loads by itself: the DOCX worker it starts when idle
 * (about 1 MB of wasm) and the service worker's precache, then the server has been quiet for a
 * moment. Going offline before that cuts a download short, as a network failure would.
 */
export async function waitForQuiet(page, server, { timeout = 30_000 } = {}) {
  const isDocxWorker = (w) => w.url().includes('docx_worker');
  if (!page.workers().some(isDocxWorker)) {
    await page.waitForEvent('worker', { predicate: isDocxWorker, timeout });
  }
  await server.quiet(500, timeout);
}

/** Cuts the app off: stops the server (connections refused) and puts the browser offline. */
export async function goOffline(server, browser) {
  await server.stop();
  await browser.context.setOffline(true);
}

/** Resolves once the drafts status line says 「已保存 …」 (the open draft is in localStorage). */
export async function waitForSaved(page, { timeout = 5000 } = {}) {
  await page.waitForFunction(
    () => /^已保存/.test(document.querySelector('[data-testid="save-status"]')?.textContent.trim() ?? ''),
    null,
    { timeout },
  );
}

/** The build version of the page as loaded (<meta name="xxgk-build">). */
export async function pageBuild(page) {
  return page.locator('meta[name="xxgk-build"]').getAttribute('content');
}
