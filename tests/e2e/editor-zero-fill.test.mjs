// 「空格填 0」: a quiet year's report is all zeros; the button writes 0 into every blank input
// cell (computed totals stay computed), keeps what was typed, and is one undo step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { editorSession } from './editor.page.mjs';

const session = editorSession();
before(() => session.start());
after(() => session.stop());

test('空格填 0 fills every blank input cell with 0 as one undo step; typed values stay', async () => {
  const ed = await session.open();
  const { page } = ed;
  await ed.selectYear(2024);
  await ed.typeInto('table3.new_received.natural', '3');
  await ed.typeInto('table3.granted.natural', '3');
  const inputs = page.locator('table.grid input[data-field]:not([readonly])');
  const editable = await inputs.count();

  await page.getByRole('button', { name: '空格填 0' }).click();
  assert.match(await ed.notice(), new RegExp(`已将 ${editable - 2} 个未填写的单元格填为 0`));
  const values = await inputs.evaluateAll((els) => els.map((e) => [e.dataset.field, e.value]));
  assert.deepEqual(values.filter(([, v]) => v === ''), [], 'no editable cell left blank');
  assert.equal(await ed.cell('table3.new_received.natural').inputValue(), '3');
  assert.equal(await ed.cell('table3.granted.natural').inputValue(), '3');
  // The computed totals follow (一 row 总计 = 3), and every check can now be judged and passes.
  assert.equal(await ed.cell('table3.new_received.total').inputValue(), '3');
  assert.deepEqual(await ed.checks('fail'), []);
  assert.equal(await ed.badge(), '全部通过');

  await ed.undo();
  assert.equal(await ed.cell('table4.review.upheld').inputValue(), '');
  assert.equal(await ed.cell('table3.granted.natural').inputValue(), '3');
  assert.deepEqual(ed.consoleErrors, []);
});
