// Typing a real report through the keyboard: the 平潭综合实验区 2021 report passes every table
// check (its text has one English colon, a text warning);
// recreating the stray 1 of report 06 fails exactly the checks that report fails, fixing it
// clears them, and undo brings the error back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { editorSession, report, T3_APPLICANTS } from './editor.page.mjs';

const session = editorSession();
before(() => session.start());
after(() => session.stop());

const pingtan2021 = report('01_');
const stray = report('06_');
// The one defect of the 2021 report's text: 「存在的主要问题:」 with an ASCII colon in 五.
const TEXT_WARNING = 'text.punctuation.problems';

test('the 平潭综合实验区 2021 report typed through the keyboard: every table check passes, totals computed', async () => {
  const ed = await session.open();
  assert.equal(await ed.badge(), '45 项待填', 'a blank report has checks to judge, not passes');
  // Folded, the checks waiting for blanks are counted but not built; unfolded, each is listed.
  const pending = ed.page.locator('details.pending-group');
  assert.equal(await pending.locator('summary').textContent(), '45 项待填（有空格，暂无法判断）');
  assert.equal(await pending.locator('li').count(), 0);
  await ed.showPending();
  assert.equal((await ed.checks('cannot_judge')).length, 45);
  await ed.fill(pingtan2021);
  await ed.waitForBadge('1 处提醒');
  assert.equal(await ed.badge(), '1 处提醒');
  assert.deepEqual(await ed.checks('fail'), [TEXT_WARNING]);
  assert.deepEqual(await ed.checks('cannot_judge'), [], 'the unfolded list of blanks emptied as the cells were filled');
  assert.equal(await pending.isHidden(), true, 'no check waits for a blank: the fold is hidden');
  await ed.showPassed();
  assert.ok((await ed.checks('pass')).length >= 40);
  assert.match(await ed.page.locator('details.passed-group summary').textContent(), /^已通过 \d+ 项$/);
  // Every typed value is shown as typed; every computed total equals the published one.
  for (const [field, value] of Object.entries(pingtan2021.cells)) {
    assert.equal(await ed.cell(field).inputValue(), value, field);
  }
  assert.equal(await ed.cell('table3.total_handled.total').getAttribute('readonly'), '');
  assert.equal(await ed.page.locator('.title-text').textContent(), '平潭综合实验区2021年政府信息公开工作年度报告');
  assert.deepEqual(ed.consoleErrors, []);
});

test('report 06: a stray 1 in 商业企业 fails exactly its checks; fixing clears them; undo brings the error back', async () => {
  const ed = await session.open();
  // As the published report was typed: totals typed by hand, judged by the checks.
  await ed.fill(pingtan2021, { autoTotals: false });
  await ed.waitForBadge('1 处提醒');
  assert.equal(await ed.badge(), '1 处提醒');

  await ed.typeInto('table3.partly_granted.business', '1');
  await ed.typeInto('table3.total_handled.business', '1');
  await ed.page.keyboard.press('Enter');
  assert.deepEqual(await ed.checks('fail'), [...stray.failing, TEXT_WARNING].sort());
  assert.equal(await ed.badge(), `${stray.failing.length} 处错误 · 1 处提醒`);
  const rowCells = (row) => [...T3_APPLICANTS, 'total'].map((c) => `table3.${row}.${c}`);
  const expected = new Set([
    ...['new_received', 'carried_over', 'total_handled', 'carried_forward'].map((r) => `table3.${r}.business`),
    ...rowCells('partly_granted'),
    ...rowCells('total_handled'),
  ]);
  assert.deepEqual(await ed.marked('error'), [...expected].sort());
  // The panel explains the balance failure with the difference, errors first.
  const item = ed.page.locator('[data-check="t3.balance.business"]');
  assert.match(await item.textContent(), /商业企业/);
  assert.match(await item.locator('.check-difference').textContent(), /1/);
  // A changed figure updates the entry in place (the panel keys its entries by check id): the
  // same element, the new difference.
  await item.evaluate((li) => { window.balanceEntry = li; });
  await ed.typeInto('table3.total_handled.business', '3');
  await ed.page.keyboard.press('Enter');
  await ed.page.waitForFunction(() => /差 3/.test(window.balanceEntry.textContent));
  assert.equal(await item.evaluate((li) => li === window.balanceEntry && li.isConnected), true);
  await ed.typeInto('table3.total_handled.business', '1');
  await ed.page.keyboard.press('Enter');

  // Fix both cells: all passes again.
  await ed.typeInto('table3.partly_granted.business', '0');
  await ed.typeInto('table3.total_handled.business', '0');
  await ed.page.keyboard.press('Enter');
  assert.equal(await ed.badge(), '1 处提醒');
  assert.deepEqual(await ed.marked('error'), []);

  // Undo the last fix: the (七)总计 cell is 1 again and its checks fail again.
  await ed.undo();
  assert.equal(await ed.cell('table3.total_handled.business').inputValue(), '1');
  const failing = await ed.checks('fail');
  assert.ok(failing.includes('t3.row.total_handled') && failing.includes('t3.balance.business'), failing.join());
  assert.match(await ed.badge(), /^\d+ 处错误 · 1 处提醒$/);
  // Redo fixes it again.
  await ed.redo();
  assert.equal(await ed.badge(), '1 处提醒');
});

test('clicking a failure in the panel scrolls to and focuses its first cell', async () => {
  const ed = await session.open();
  await ed.setAutoTotals(false);
  await ed.typeInto('table4.review.upheld', '3');
  for (const col of ['corrected', 'other', 'pending']) await ed.typeInto(`table4.review.${col}`, '0');
  await ed.typeInto('table4.review.total', '2');
  await ed.page.locator('input[name="unit_name"]').click();
  await ed.page.locator('[data-check="t4.sum.review"] button').click();
  const focused = await ed.focused();
  assert.ok(['table4.review.total', 'table4.review.upheld'].includes(focused), focused);
});
