// A new version deployed while the app is open: 「有新版本，点击刷新」, and the draft survives.
//
// The "new versions" are copies of dist/ with a marked index.html, sealed again by
// scripts/post-build.mjs (new build version, new sw.js), served from the same origin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  fileSession, openApp, waitForApp, waitForServiceWorker, waitForSaved, readBuild, makeNextBuild, pageBuild,
  foreignRequests, screenshot,
} from './lib/harness.mjs';

const REFRESH = '有新版本，点击刷新';

const builds = [];
const session = fileSession({
  cleanUp: () => builds.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })),
});

/** Serves a new version (index.html marked `mark`) from now on; returns its build list. */
function deploy(mark) {
  const dir = makeNextBuild(mark);
  builds.push(dir);
  session.server.setRoot(dir);
  return { ...readBuild(dir), mark };
}

const unitName = (page) => page.getByLabel('机关名称', { exact: true });
const refreshButton = (page) => page.getByRole('button', { name: REFRESH });
const testMark = (page) => page.evaluate(() => document.querySelector('meta[name="xxgk-test-build"]')?.content ?? null);
const cacheNames = (page) => page.evaluate(() => caches.keys());
/** The app's own update check, as on its hourly timer: it also runs when the network comes back. */
const checkForUpdate = (page) => page.evaluate(() => dispatchEvent(new Event('online')));

let page;
let consoleErrors;

test('a new version waiting shows the banner; clicking reloads into it and keeps the draft', async () => {
  ({ page, consoleErrors } = await openApp(session.browser, session.server.url, { selector: '[name="unit_name"]' }));
  await waitForServiceWorker(page);
  const first = readBuild(session.server.root);
  assert.equal(await pageBuild(page), first.version);
  await unitName(page).fill('平潭综合实验区市场监督管理局');
  await waitForSaved(page);
  assert.equal(await refreshButton(page).count(), 0, 'no banner while there is nothing new');

  const next = deploy('2');
  await checkForUpdate(page);
  await refreshButton(page).waitFor({ timeout: 30_000 });
  await screenshot(page, 'update-banner');

  // Typed right before clicking, inside the autosave delay: the click must save it first.
  await unitName(page).fill('平潭综合实验区市场监督管理局（刷新前最后一笔）');
  const reloaded = page.waitForEvent('load', { timeout: 30_000 });
  await refreshButton(page).click();
  await reloaded;
  await waitForApp(page, { selector: '[name="unit_name"]' });

  assert.equal(await pageBuild(page), next.version);
  assert.equal(await testMark(page), '2');
  assert.equal(await unitName(page).inputValue(), '平潭综合实验区市场监督管理局（刷新前最后一笔）');
  assert.equal(await refreshButton(page).count(), 0);
  await waitForServiceWorker(page);
  assert.deepEqual(await cacheNames(page), [`xxgk-report:${session.server.url}:${next.version}`], 'the old build\'s cache is gone');
});

test('a window opened after a deploy switches silently; the window still on the old version offers the refresh', async () => {
  const next = deploy('3');
  const { page: other, consoleErrors: otherErrors } = await openApp(session.browser, session.server.url, { selector: '[name="unit_name"]' });
  // It came from the network: already the new version, and the new worker is let in without asking.
  assert.equal(await pageBuild(other), next.version);
  assert.equal(await unitName(other).inputValue(), '平潭综合实验区市场监督管理局（刷新前最后一笔）');
  await other.waitForFunction(async (want) => (await caches.keys()).every((n) => n.endsWith(`:${want}`)), next.version, { timeout: 30_000 });

  // The first window runs build 2 under build 3's worker now: it offers the refresh.
  await refreshButton(page).waitFor({ timeout: 30_000 });
  assert.equal(await refreshButton(other).count(), 0, 'the new window never shows the banner');
  const reloaded = page.waitForEvent('load', { timeout: 30_000 });
  await refreshButton(page).click();
  await reloaded;
  await waitForApp(page, { selector: '[name="unit_name"]' });
  assert.equal(await testMark(page), '3');
  assert.equal(await unitName(page).inputValue(), '平潭综合实验区市场监督管理局（刷新前最后一笔）');
  await other.close();
  assert.deepEqual(otherErrors, []);
});

test('two windows on the old version: after one refreshes, the other reloads at once when clicked', async () => {
  const { page: other, consoleErrors: otherErrors } = await openApp(session.browser, session.server.url, { selector: '[name="unit_name"]' });
  deploy('4');
  await checkForUpdate(page);
  await refreshButton(page).waitFor({ timeout: 30_000 });
  await refreshButton(other).waitFor({ timeout: 30_000 });
  const reloaded = page.waitForEvent('load', { timeout: 30_000 });
  await refreshButton(page).click();
  await reloaded;
  assert.equal(await testMark(page), '4');

  // The new version is in control now; the other window's click needs no waiting worker.
  await other.waitForFunction(async () => {
    const channel = new MessageChannel();
    const answer = new Promise((resolve) => { channel.port1.onmessage = ({ data }) => resolve(data.version); });
    navigator.serviceWorker.controller.postMessage({ type: 'version' }, [channel.port2]);
    return (await answer) !== document.querySelector('meta[name="xxgk-build"]').content;
  }, null, { timeout: 10_000 });
  const t0 = Date.now();
  const otherReloaded = other.waitForEvent('load', { timeout: 30_000 });
  await refreshButton(other).click();
  await otherReloaded;
  assert.ok(Date.now() - t0 < 3000, `reloaded after ${Date.now() - t0} ms`);
  assert.equal(await testMark(other), '4');
  await other.close();
  assert.deepEqual(otherErrors, []);
});

test('when the draft cannot be saved, the refresh is held and nothing is lost', async () => {
  deploy('5');
  await checkForUpdate(page);
  await refreshButton(page).waitFor({ timeout: 30_000 });
  // Storage refuses every write from now on.
  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
  });
  await unitName(page).fill('存储失败时输入的文字');
  await refreshButton(page).click();
  const held = page.locator('.update-held');
  await held.waitFor();
  assert.match(await held.textContent(), /尚未能保存/);
  await page.waitForTimeout(1000);
  assert.equal(await testMark(page), '4', 'not reloaded');
  assert.equal(await unitName(page).inputValue(), '存储失败时输入的文字');
});

test('no errors in the console, no request to another origin', async () => {
  const unexpected = consoleErrors.filter((e) => !/QuotaExceeded|quota/i.test(e.text));
  assert.deepEqual(unexpected, []);
  assert.deepEqual(foreignRequests(session.browser.requests, session.server.origin), []);
});
