// Works offline and talks to no one: one clerk's session, online once, then cut off.
//
// Load once (the service worker precaches the build and takes control); stop the server and put
// the browser offline; reload: the app starts from the cache; type, reload: the draft is kept;
// export the DOCX; reload once more. Every request of the session stays on the page's origin.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  fileSession, openApp, reloadApp, waitForServiceWorker, waitForQuiet, waitForSaved, readBuild, listBuildFiles,
  goOffline, pageBuild, foreignRequests, screenshot,
} from './lib/harness.mjs';

const UNIT = '平潭综合实验区自然资源与生态环境局（离线）';

const session = fileSession();
let page;
let consoleErrors;
const build = readBuild();

before(async () => {
  await session.ready();
  ({ page, consoleErrors } = await openApp(session.browser, session.server.url));
});

const unitName = () => page.getByLabel('机关名称', { exact: true });

test('the precache list is the build: every file Trunk wrote, with its digest', () => {
  const listed = build.files.map((f) => f.path);
  assert.deepEqual(listed, listBuildFiles().filter((p) => p !== 'sw.js'));
  for (const must of ['index.html', 'manifest.webmanifest', 'docx_worker_loader.js', 'docx_worker.js', 'docx_worker_bg.wasm']) {
    assert.ok(listed.includes(must), `${must} is precached`);
  }
  assert.ok(listed.some((p) => /^xxgk-report-web-[0-9a-f]+_bg\.wasm$/.test(p)), 'the app wasm is precached');
  const immutable = build.files.filter((f) => f.immutable).map((f) => f.path);
  assert.ok(immutable.length >= 4 && immutable.every((p) => /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/.test(p)), `only hashed names are cache-first: ${immutable}`);
});

test('first load: the service worker takes control with the whole build in one cache', async () => {
  await waitForServiceWorker(page);
  assert.equal(await pageBuild(page), build.version);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const entries = await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url)));
    return { names, entries };
  });
  assert.deepEqual(cached.names, [`xxgk-report:${session.server.url}:${build.version}`]);
  assert.deepEqual(cached.entries[0].sort(), build.files.map((f) => new URL(f.path, session.server.url).href).sort());
});

test('offline (server stopped, browser offline): a reload starts the app from the cache', async () => {
  await waitForQuiet(page, session.server);
  await goOffline(session.server, session.browser);
  await reloadApp(page, { selector: '[name="unit_name"]' });
  assert.equal(await page.title(), '政府信息公开工作年度报告编制');
  assert.equal(await pageBuild(page), build.version);
  await screenshot(page, 'offline-reload');
});

test('offline: what is typed is kept across another reload', async () => {
  await unitName().fill(UNIT);
  await waitForSaved(page);
  await reloadApp(page, { selector: '[name="unit_name"]' });
  assert.equal(await unitName().inputValue(), UNIT);
});

test('offline: 「导出 DOCX」 builds the file with the cached DOCX worker and downloads it', async () => {
  const button = page.getByRole('button', { name: '导出 DOCX' });
  // Blank cells remain, so the app asks first.
  page.once('dialog', (dialog) => dialog.accept());
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
  const name = download.suggestedFilename();
  assert.ok(name.startsWith('平潭综合实验区自然资源与生态环境局') && name.endsWith('年政府信息公开工作年度报告.docx'), name);
  const bytes = fs.readFileSync(await download.path());
  assert.equal(bytes.subarray(0, 4).toString('latin1'), 'PK\x03\x04', 'a ZIP (DOCX) file');
  assert.ok(bytes.length > 5000, `${bytes.length} bytes`);
  await page.getByText('已生成 DOCX 文件').waitFor();
});

test('offline: nothing is lost after one more reload, and no errors were logged', async () => {
  await reloadApp(page, { selector: '[name="unit_name"]' });
  assert.equal(await unitName().inputValue(), UNIT);
  await page.waitForTimeout(300);
  assert.deepEqual(consoleErrors, []);
});

test('the whole session requested nothing from any other origin', async () => {
  assert.ok(session.browser.requests.length > build.files.length, `${session.browser.requests.length} requests recorded`);
  assert.deepEqual(foreignRequests(session.browser.requests, session.server.origin), []);
  // And the server was asked only for files of the build (no favicon.ico, no stray 404).
  const known = new Set(['/', '/sw.js', ...build.files.map((f) => `/${f.path}`)]);
  const unknown = session.server.requests.filter((r) => !known.has(r.path) || r.status !== 200);
  assert.deepEqual(unknown, []);
});
