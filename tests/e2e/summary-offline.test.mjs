// The 汇总 page offline: a clerk who has only ever opened summary.html (never the editor) once
// online; then the server stops and the browser goes offline. A reload starts the page from the
// service worker's cache, the eight fixture drafts and a published report (.docx, read by the
// page's own wasm) give their rows, the summary draft is made and opens in the editor (also from
// the cache), the Excel overview downloads. Every request stays on the page's origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  startServer, launchBrowser, collectConsoleErrors, waitForServiceWorker, goOffline, readBuild,
  foreignRequests, repoRoot,
} from './lib/harness.mjs';
import { makeSummaryAndOpenIt } from './summary.page.mjs';

const FIXTURES = path.join(repoRoot, 'core/fixtures');
const build = readBuild();

let server, browser, page, consoleErrors;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage();
  consoleErrors = collectConsoleErrors(page);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const pick = () => page.locator('[data-testid="pick"]');

test('first visit to summary.html alone: its service worker takes control with the whole build cached', async () => {
  await page.goto(`${server.url}summary.html`, { waitUntil: 'load' });
  await pick().waitFor({ state: 'attached', timeout: 30_000 });
  await waitForServiceWorker(page);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    return (await (await caches.open(names[0])).keys()).map((r) => new URL(r.url).pathname.slice(1));
  });
  for (const must of ['summary.html', 'summary_view_bg.wasm', 'summary_view.js', 'index.html']) {
    assert.ok(cached.includes(must), `${must} is cached`);
  }
  assert.deepEqual(cached.sort(), build.files.map((f) => f.path).sort());
  await server.quiet(500);
});

test('offline (server stopped, browser offline): a reload starts the 汇总 page from the cache', async () => {
  await goOffline(server, browser);
  await page.reload({ waitUntil: 'load' });
  await pick().waitFor({ state: 'attached', timeout: 30_000 });
  assert.equal(await page.title(), '汇总 — 政府信息公开工作年度报告');
});

test('offline: drafts and a published .docx give their rows; the summary opens in the editor; the XLSX downloads', async () => {
  const drafts = fs.readdirSync(FIXTURES).filter((f) => /^\d.*\.json$/.test(f)).sort();
  // 10_ as its published .docx instead of its draft: the same unit, read by the import.
  const files = drafts.map((f) => (f.startsWith('10_')
    ? path.join(FIXTURES, 'published', f.replace(/\.json$/, '.docx'))
    : path.join(FIXTURES, f)));
  await pick().setInputFiles(files);
  await page.waitForFunction(() => document.querySelectorAll('tr.unit').length === 8);
  assert.deepEqual((await page.locator('tr.unit td.errors').allTextContents()).map(Number), [0, 0, 0, 3, 0, 0, 1, 0]);
  assert.match((await page.locator('tr.unit th.name').allTextContents())[5], /^平潭综合实验区市场监督管理局/);

  const { editor, editorErrors } = await makeSummaryAndOpenIt(page, browser.context);
  assert.equal(await editor.locator('input[data-field="table2.fees.amount"]').inputValue(), '129540.271082');
  await editor.close();

  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: '导出概览（Excel）' }).click(),
  ]);
  const bytes = fs.readFileSync(await download.path());
  assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\x03\x04', 'a zip (XLSX) file');
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(editorErrors, []);
});

test('the whole session requested nothing from any other origin, and only files of the build', () => {
  assert.deepEqual(foreignRequests(browser.requests, server.origin), []);
  const known = new Set(['/', '/sw.js', ...build.files.map((f) => `/${f.path}`)]);
  assert.deepEqual(server.requests.filter((r) => !known.has(r.path) || r.status !== 200), []);
});
