// Two pages on one draft: the other page hears of a change, says so, offers to reload it, and
// neither page writes over the other's content without the user choosing to.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { draftsSession } from './drafts.page.mjs';

const session = draftsSession();
before(() => session.start());
after(() => session.stop());

test('two pages on one draft', async () => {
  const browser = await session.browser();
  const first = await session.open(browser);
  await first.typeText('unit_name', '平潭综合实验区');
  await first.saved();
  // The second page opens the same (last opened) draft.
  const second = await session.open(browser);
  assert.equal(await second.field('unit_name').inputValue(), '平潭综合实验区');
  const [{ key }] = await first.stored();

  // The first page edits: the second is told, and stops saving.
  await first.typeText('overview', '第一个窗口写的。');
  await first.saved();
  const banner = second.page.getByTestId('conflict-banner');
  await banner.waitFor();
  assert.match(await banner.textContent(), /此草稿已在另一窗口修改/);
  assert.match(await second.statusText(), /^未保存：此草稿已在另一窗口修改/);

  // The second page types on: nothing of it is written over the first page's save.
  const firstSave = await first.storageItem(key);
  await second.typeText('problems', '第二个窗口写的。');
  await second.page.waitForTimeout(700);
  assert.equal(await second.storageItem(key), firstSave, 'no silent overwrite of the other window');
  assert.equal(await second.field('problems').inputValue(), '第二个窗口写的。', 'and nothing typed here is dropped');

  // The first page goes on saving its own edits (it never saw the second page's).
  await first.typeText('overview', '继续。');
  await first.saved();
  assert.match(JSON.parse(await first.storageItem(key)).draft.report.sections.overview, /第一个窗口写的。继续。/);

  // The second page keeps its text as a new draft: both versions exist, neither overwritten.
  await banner.getByRole('button', { name: '把本窗口的内容另存为新草稿' }).click();
  await second.saved();
  assert.equal(await banner.count(), 0);
  const stored = await second.stored();
  assert.equal(stored.length, 2);
  const mine = stored.find((s) => s.key !== key).record;
  assert.equal(mine.draft.report.sections.problems, '第二个窗口写的。');
  assert.equal(mine.name, '平潭综合实验区 ' + mine.draft.report.year + '年（本窗口副本）');
  assert.match(JSON.parse(await second.storageItem(key)).draft.report.sections.overview, /第一个窗口写的。继续。/);
});

test('the other page reloads the draft when the user asks', async () => {
  const browser = await session.browser();
  const first = await session.open(browser);
  await first.typeText('unit_name', '某某县人民政府');
  await first.saved();
  const second = await session.open(browser);

  await second.typeInto('table3.new_received.natural', '9');
  await second.saved();
  // Now the first page is the one behind: it is told, and can reload.
  const banner = first.page.getByTestId('conflict-banner');
  await banner.waitFor();
  await banner.getByRole('button', { name: '载入另一窗口的版本' }).click();
  assert.equal(await banner.count(), 0);
  assert.equal(await first.cell('table3.new_received.natural').inputValue(), '9');
  assert.match(await first.statusText(), /^已保存/);
  // Both in step again: an edit in the first reaches storage without a conflict.
  await first.typeInto('table3.new_received.business', '2');
  await first.saved();
  const [{ record }] = await first.stored();
  assert.deepEqual(record.draft.report.table3.new_received, { natural: '9', business: '2' });
  // …and the second page is now told in turn.
  await second.page.getByTestId('conflict-banner').waitFor();
});

test('a rename in another page is not a conflict', async () => {
  const browser = await session.browser();
  const first = await session.open(browser);
  await first.typeText('unit_name', '某某街道办事处');
  await first.saved();
  const second = await session.open(browser);
  const list = await second.openList();
  await list.getByRole('button', { name: '重命名' }).click();
  await list.getByRole('textbox', { name: '草稿名称' }).fill('街道 第一稿');
  await list.getByRole('button', { name: '确定' }).click();
  await first.page.waitForFunction(() => document.querySelector('[data-testid="draft-title"]').textContent === '街道 第一稿');
  assert.equal(await first.page.getByTestId('conflict-banner').count(), 0);
  // Still saving normally.
  await first.typeText('unit_name', '（筹）');
  await first.saved();
});
