// The app shell: loads from dist/, shows its title, logs no errors, talks to no other origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launchBrowser, openApp, foreignRequests, screenshot, APP_TITLE,
} from './lib/harness.mjs';

let server;
let browser;
let page;
let consoleErrors;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page, consoleErrors } = await openApp(browser, server.url));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the page loads and the Leptos app mounts', async () => {
  assert.ok(server.requests.some((r) => r.path.endsWith('.wasm') && r.status === 200), 'the .wasm was served');
  await screenshot(page, 'shell');
});

test(`shows the title 「${APP_TITLE}」`, async () => {
  const h1 = page.locator('h1').first();
  assert.equal((await h1.textContent())?.trim(), APP_TITLE);
  assert.equal(await page.title(), APP_TITLE);
});

test('no console errors', async () => {
  // Give late errors (e.g. from effects) a moment to show up.
  await page.waitForTimeout(300);
  assert.deepEqual(consoleErrors, []);
});

test('requests nothing from any origin but its own', async () => {
  assert.ok(browser.requests.length > 0);
  assert.deepEqual(foreignRequests(browser.requests, server.origin), []);
});
