// Several drafts: new, open, duplicate, rename, delete (confirmed, restorable within the session).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { draftsSession } from './drafts.page.mjs';

const session = draftsSession();
before(() => session.start());
after(() => session.stop());

const rowTitles = (list) => list.locator('tbody tr .draft-name').allTextContents();

test('new, open, duplicate, rename, delete and restore', async () => {
  const browser = await session.browser();
  const d = await session.open(browser);
  await d.typeText('unit_name', '甲局');
  await d.saved();
  await d.page.locator('.drafts-bar').getByRole('button', { name: '新建草稿' }).click();
  assert.equal(await d.field('unit_name').inputValue(), '', 'a new, empty report');
  await d.typeText('unit_name', '乙局');
  await d.saved();

  let list = await d.openList();
  const year = await d.page.locator('select[name="year"]').inputValue();
  assert.deepEqual(await rowTitles(list), [`乙局 ${year}年`, `甲局 ${year}年`], 'newest first');
  assert.match(await list.locator('tbody tr').first().textContent(), /乙局.*\d{4}-\d\d-\d\d \d\d:\d\d/);

  // Open the other one.
  await list.locator('tbody tr', { hasText: '甲局' }).getByRole('button', { name: '打开' }).click();
  assert.equal(await d.field('unit_name').inputValue(), '甲局');

  // Duplicate: the copy opens, named as a copy.
  list = await d.openList();
  await list.locator('tbody tr', { hasText: '甲局' }).getByRole('button', { name: '复制' }).click();
  assert.equal(await d.page.getByTestId('draft-title').textContent(), `甲局 ${year}年（副本）`);
  assert.equal(await d.field('unit_name').inputValue(), '甲局');

  // Rename it.
  const row = list.locator('tbody tr', { hasText: '（副本）' });
  await row.getByRole('button', { name: '重命名' }).click();
  await list.getByRole('textbox', { name: '草稿名称' }).fill('甲局 征求意见稿');
  await list.getByRole('button', { name: '确定' }).click();
  assert.deepEqual((await rowTitles(list)).sort(), ['乙局 ' + year + '年', '甲局 ' + year + '年', '甲局 征求意见稿'].sort());
  assert.equal((await d.stored()).length, 3);

  // Delete asks first; 取消 keeps it.
  const victim = list.locator('tbody tr', { hasText: '乙局' });
  await victim.getByRole('button', { name: '删除' }).click();
  assert.match(await victim.getByRole('alert').textContent(), /确定删除「乙局 \d{4}年」？/);
  await victim.getByRole('button', { name: '取消' }).click();
  assert.equal((await d.stored()).length, 3);
  await victim.getByRole('button', { name: '删除' }).click();
  await victim.getByRole('button', { name: '删除' }).click();
  assert.equal((await d.stored()).length, 2);
  assert.deepEqual((await rowTitles(list)).includes(`乙局 ${year}年`), false);

  // Restorable until the page is closed.
  await list.getByRole('button', { name: '恢复' }).click();
  assert.equal((await d.stored()).length, 3);
  assert.ok((await rowTitles(list)).includes(`乙局 ${year}年`));

  // Deleting the open draft opens another one.
  await list.locator('tbody tr.current').getByRole('button', { name: '删除' }).click();
  await list.locator('tbody tr.current').getByRole('button', { name: '删除' }).click();
  assert.equal((await d.stored()).length, 2);
  assert.notEqual(await d.page.getByTestId('draft-title').textContent(), '甲局 征求意见稿');
  // Esc closes the dialog.
  await d.page.keyboard.press('Escape');
  assert.equal(await d.page.getByTestId('drafts-list').count(), 0);
  assert.deepEqual(d.consoleErrors, []);
});
