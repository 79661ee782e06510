// Autosave: what is typed survives a reload, and closing the page right after typing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { draftsSession, Drafts } from './drafts.page.mjs';
import { waitForApp } from './lib/harness.mjs';

const session = draftsSession();
before(() => session.start());
after(() => session.stop());

test('type, reload: everything is back', async () => {
  const browser = await session.browser();
  const d = await session.open(browser);
  assert.equal(await d.statusText(), '尚未修改');
  await d.typeText('unit_name', '平潭综合实验区市场监督管理局');
  await d.typeText('overview', '2023年，本局坚持以公开为常态。\n第二段：“引号”与 <尖括号> 照样保存。');
  await d.typeInto('table3.new_received.natural', '１２');
  await d.typeInto('table3.granted.natural', 'abc');
  await d.typeInto('table2.fees.amount', '24252.311082');

  // Saved within half a second of the last edit, and the status says so.
  const waited = await d.page.evaluate(async () => {
    const t0 = performance.now();
    const key = () => Object.keys(localStorage).find((k) => k.startsWith('xxgk-report:draft:'));
    while (!(key() && localStorage.getItem(key()).includes('24252.311082'))) {
      await new Promise((r) => setTimeout(r, 10));
      if (performance.now() - t0 > 3000) break;
    }
    return performance.now() - t0;
  });
  assert.ok(waited < 500, `saved ${Math.round(waited)} ms after the last keystroke`);
  await d.saved();

  await d.reload();
  assert.equal(await d.field('unit_name').inputValue(), '平潭综合实验区市场监督管理局');
  assert.equal(await d.field('overview').inputValue(), '2023年，本局坚持以公开为常态。\n第二段：“引号”与 <尖括号> 照样保存。');
  assert.equal(await d.cell('table3.new_received.natural').inputValue(), '１２', 'the text as typed, not normalised');
  assert.equal(await d.cell('table3.granted.natural').inputValue(), 'abc', 'a rejected entry is kept too');
  assert.equal(await d.cell('table2.fees.amount').inputValue(), '24252.311082');
  assert.match(await d.statusText(), /^已保存 \d\d:\d\d:\d\d$/);
  assert.equal(await d.page.getByTestId('draft-title').textContent(), `平潭综合实验区市场监督管理局 ${await d.page.locator('select[name="year"]').inputValue()}年`);
  assert.deepEqual(d.consoleErrors, []);
});

test('type and close the page at once, reopen: everything is back', async () => {
  const browser = await session.browser();
  const d = await session.open(browser);
  await d.typeText('unit_name', '君山片区管理局');
  await d.typeInto('table3.new_received.natural', '7');
  await d.typeText('problems', '一是公开内容不够全面');
  // No wait at all: the page goes while the autosave timer is still pending.
  await d.page.close();

  const page = await browser.newPage();
  await page.goto(session.url, { waitUntil: 'load' });
  await waitForApp(page, { selector: '[data-field]' });
  const again = new Drafts(page);
  assert.equal(await again.field('unit_name').inputValue(), '君山片区管理局');
  assert.equal(await again.cell('table3.new_received.natural').inputValue(), '7');
  assert.equal(await again.field('problems').inputValue(), '一是公开内容不够全面');
});

test('a hidden page saves at once (the browser may discard it without notice)', async () => {
  const browser = await session.browser();
  const d = await session.open(browser);
  await d.typeText('unit_name', '某某局');
  const [before, after] = await d.page.evaluate(() => {
    const stored = () => Object.keys(localStorage)
      .filter((k) => k.startsWith('xxgk-report:draft:'))
      .map((k) => localStorage.getItem(k)).join();
    const pending = stored();
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    return [pending, stored()];
  });
  assert.ok(!before.includes('某某局'), 'still waiting for the autosave timer');
  assert.ok(after.includes('某某局'), 'written synchronously on visibilitychange');
});
