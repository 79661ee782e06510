// The split main wasm (docs/first-load.md): a dialog's chunk is fetched only when the dialog opens;
// a chunk that cannot be fetched gives a message in the page (the app goes on), and opening the
// dialog again fetches it again. The text checks' chunk comes after start-up, the same way.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { distDir, startServer, launchBrowser, openApp } from './lib/harness.mjs';

const CHUNK = /^xxgk-split-drafts-list-[0-9a-f]{16}\.wasm$/;
const CHUNK_URL = /\/xxgk-split-drafts-list-[0-9a-f]{16}\.wasm$/;
let dir;
let server;
let browser;
before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-lazy-'));
  fs.cpSync(distDir, dir, { recursive: true });
  server = await startServer({ root: dir });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const fetched = (page, re) => page.evaluate((source) => performance.getEntriesByType('resource').some((e) => new RegExp(source).test(e.name.split('/').pop())), re.source);

test('the drafts dialog comes on demand; a chunk that cannot be fetched says so, and the next try loads it', async () => {
  const chunk = fs.readdirSync(dir).find((f) => CHUNK.test(f));
  assert.ok(chunk, `the build has the drafts dialog's chunk: ${fs.readdirSync(dir).filter((f) => f.endsWith('.wasm'))}`);
  const away = path.join(dir, `${chunk}.away`);
  fs.renameSync(path.join(dir, chunk), away);

  const { page } = await openApp(browser, server.url, { selector: '[data-field]' });
  await page.locator('[name="unit_name"]').fill('甲局');
  assert.equal(await fetched(page, CHUNK), false, 'not fetched while the editor starts');

  const button = page.locator('.drafts-bar').getByRole('button', { name: /^草稿列表/ });
  await button.click();
  await page.getByRole('alert').filter({ hasText: '未能载入「草稿列表」' }).waitFor({ timeout: 15_000 });
  assert.equal(await page.getByTestId('drafts-list').count(), 0);
  // The editor still works.
  await page.locator('[name="unit_name"]').fill('乙局');
  assert.equal(await page.locator('[name="unit_name"]').inputValue(), '乙局');

  fs.renameSync(away, path.join(dir, chunk));
  await button.click(); // closes
  await button.click(); // opens again: fetched again
  await page.getByTestId('drafts-list').waitFor({ timeout: 15_000 });
  assert.equal(await page.getByRole('alert').filter({ hasText: '未能载入' }).count(), 0);
  assert.equal(await fetched(page, CHUNK), true);
});

test('the text checks come after start-up; without their chunk the table checks go on and the panel says so', async (t) => {
  const chunk = fs.readdirSync(dir).find((f) => /^xxgk-split-text-checks-[0-9a-f]{16}\.wasm$/.test(f));
  assert.ok(chunk, "the build has the text checks' chunk");
  const away = path.join(dir, `${chunk}.away`);
  fs.renameSync(path.join(dir, chunk), away);

  // A profile of its own: the first test's service worker may have stored every chunk by now.
  const fresh = await launchBrowser();
  t.after(() => fresh.close());
  const { page } = await openApp(fresh, server.url, { selector: '[data-field]' });
  const note = page.getByRole('status').filter({ hasText: '未能载入文字检查' });
  await note.waitFor({ timeout: 15_000 });
  // The table checks do not wait for it: a 表三 figure is checked at once.
  await page.locator('input[data-field="table3.new_received.natural"]').fill('5件');
  await page.locator('[data-check="value.table3.new_received.natural"][data-status="fail"]').waitFor();
  const doubled = page.locator('[data-check="text.doubled.problems"][data-status="fail"]');
  await page.locator('textarea[name="problems"]').fill('存在的问题问题主要是更新不及时。');
  await page.waitForTimeout(600);
  assert.equal(await doubled.count(), 0, 'no text checks without their chunk');

  // Back: the next pause in typing fetches it, and the text is checked.
  fs.renameSync(away, path.join(dir, chunk));
  await page.locator('textarea[name="problems"]').pressSequentially('另');
  await doubled.waitFor({ timeout: 15_000 });
  assert.equal(await note.count(), 0);
});

test('while a chunk is on its way (a slow network), the page says it is loading it', async (t) => {
  // No service worker: it would serve the chunk from its store, around the slowed network.
  const slow = await launchBrowser({ serviceWorkers: 'block' });
  t.after(() => slow.close());
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await slow.context.route(CHUNK_URL, async (route) => {
    await held;
    await route.continue();
  });
  const { page } = await openApp(slow, server.url, { selector: '[data-field]' });
  await page.locator('.drafts-bar').getByRole('button', { name: /^草稿列表/ }).click();
  const loading = page.getByRole('status').filter({ hasText: '正在载入「草稿列表」…' });
  await loading.waitFor({ timeout: 15_000 });
  assert.equal(await page.getByTestId('drafts-list').count(), 0);
  release();
  await page.getByTestId('drafts-list').waitFor({ timeout: 15_000 });
  assert.equal(await loading.count(), 0, 'the loading line goes when the dialog comes');
});
