// The app shell: loads from dist/, shows its title, logs no errors, talks to no other origin.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  fileSession, openApp, foreignRequests, screenshot, APP_TITLE,
} from './lib/harness.mjs';

const session = fileSession();
let page;
let consoleErrors;

before(async () => {
  await session.ready();
  ({ page, consoleErrors } = await openApp(session.browser, session.server.url));
});

test('the page loads and the Leptos app mounts', async () => {
  assert.ok(session.server.requests.some((r) => r.path.endsWith('.wasm') && r.status === 200), 'the .wasm was served');
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
  assert.ok(session.browser.requests.length > 0);
  assert.deepEqual(foreignRequests(session.browser.requests, session.server.origin), []);
});
