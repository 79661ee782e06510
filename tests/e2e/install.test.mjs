// Installs like an app, from wherever a portal puts it: the manifest and icons (Chromium finds the
// page installable), and the whole app — service worker included — working from a sub-path.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launchBrowser, openApp, reloadApp, waitForServiceWorker, waitForQuiet, goOffline, readBuild, APP_TITLE,
} from './lib/harness.mjs';

const PREFIX = '/portal/gongkai/xxgk-report/';

let server;
let browser;
let page;
let consoleErrors;

before(async () => {
  server = await startServer({ prefix: PREFIX });
  browser = await launchBrowser();
  ({ page, consoleErrors } = await openApp(browser, server.url, { selector: '[name="unit_name"]' }));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes) {
  const b = Buffer.from(bytes);
  assert.equal(b.subarray(1, 4).toString('latin1'), 'PNG');
  return `${b.readUInt32BE(16)}x${b.readUInt32BE(20)}`;
}

test('the manifest: name, start URL and scope relative to the app, standalone, zh-CN, theme colour', async () => {
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifestUrl = new URL(href, server.url).href;
  assert.equal(manifestUrl, `${server.url}manifest.webmanifest`);
  const manifest = await page.evaluate(async (url) => (await fetch(url)).json(), manifestUrl);
  assert.equal(manifest.name, APP_TITLE);
  assert.ok(manifest.short_name && manifest.short_name.length <= 12, manifest.short_name);
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.scope, './');
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.lang, 'zh-CN');
  assert.match(manifest.theme_color, /^#[0-9a-f]{6}$/i);
  assert.equal(await page.locator('meta[name="theme-color"]').getAttribute('content'), manifest.theme_color);
});

test('the icons: PNG 192 and 512, and a maskable one, all served', async () => {
  const manifest = await page.evaluate(async () => (await fetch('manifest.webmanifest')).json());
  const icons = await page.evaluate(async (list) => Promise.all(list.map(async (icon) => {
    const res = await fetch(icon.src);
    return { ...icon, type: res.headers.get('content-type'), bytes: Array.from(new Uint8Array(await res.arrayBuffer()).slice(0, 24)) };
  })), manifest.icons);
  const found = icons.map((i) => `${i.sizes} ${i.purpose} ${pngSize(i.bytes)} ${i.type}`).sort();
  assert.deepEqual(found, [
    '192x192 any 192x192 image/png',
    '512x512 any 512x512 image/png',
    '512x512 maskable 512x512 image/png',
  ]);
});

test('Chromium finds the app installable (manifest parses, no installability errors)', async () => {
  await waitForServiceWorker(page);
  const cdp = await browser.context.newCDPSession(page);
  const { errors, url } = await cdp.send('Page.getAppManifest');
  assert.equal(url, `${server.url}manifest.webmanifest`);
  assert.deepEqual(errors, []);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, []);
});

test(`from a sub-path (${PREFIX}): the service worker's scope is the app's folder, and offline works there`, async () => {
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
  assert.equal(scope, server.url);
  const build = readBuild(server.root);
  const cacheNames = await page.evaluate(() => caches.keys());
  assert.deepEqual(cacheNames, [`xxgk-report:${server.url}:${build.version}`]);
  await waitForQuiet(page, server);
  await goOffline(server, browser);
  await reloadApp(page, { selector: '[name="unit_name"]' });
  assert.equal(await page.title(), APP_TITLE);
});

test('nothing was asked for outside the app\'s folder, and no errors', () => {
  const outside = server.requests.filter((r) => !r.path.startsWith(PREFIX));
  assert.deepEqual(outside, []);
  assert.deepEqual(consoleErrors, []);
});
