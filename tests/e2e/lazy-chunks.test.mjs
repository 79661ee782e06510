// The split main wasm (docs/first-load.md): a dialog's chunk is fetched only when the dialog opens;
// a chunk that cannot be fetched gives a message in the page (the app goes on), and opening the
// dialog again fetches it again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { distDir, startServer, launchBrowser, openApp } from './lib/harness.mjs';

const CHUNK = /^xxgk-split-drafts-list-[0-9a-f]{16}\.wasm$/;
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
