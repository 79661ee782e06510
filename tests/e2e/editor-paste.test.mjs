// Pasting a block copied from Excel/WPS: tab-separated rows, CRLF, a trailing line break and
// quoted cells; values normalised as the core parses them; cells that fall outside the table or
// on computed totals reported; the whole paste is one undo step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { editorSession, T3_APPLICANTS } from './editor.page.mjs';

const session = editorSession();
before(() => session.start());
after(() => session.stop());

const COLS = [...T3_APPLICANTS, 'total'];
const ROWS = ['granted', 'partly_granted', 'withheld_state_secret'];
// 3 rows × 7 columns as Excel copies them, with full-width digits, a thousands separator and a quoted cell.
const BLOCK = '27\t0\t0\t2\t0\t1\t30\r\n５\t0\t"0"\t0\t0\t0\t5\r\n1,000\t0\t0\t0\t0\t0\t1000\r\n';
const EXPECTED = [
  ['27', '0', '0', '2', '0', '1', '30'],
  ['5', '0', '0', '0', '0', '0', '5'],
  ['1000', '0', '0', '0', '0', '0', '1000'],
];

async function values(ed) {
  const out = [];
  for (const row of ROWS) out.push(await Promise.all(COLS.map((c) => ed.cell(`table3.${row}.${c}`).inputValue())));
  return out;
}

test('a 3×7 block with automatic totals off fills 21 cells, normalised, as one undo step', async () => {
  const ed = await session.open();
  await ed.setAutoTotals(false);
  await ed.cell('table3.granted.natural').click();
  await ed.paste(BLOCK);
  assert.deepEqual(await values(ed), EXPECTED);
  assert.match(await ed.notice(), /已粘贴 21 个格子/);
  assert.equal(await ed.focused(), 'table3.granted.natural');
  // Row sums hold: no failing row check among the pasted rows.
  const failing = await ed.checks('fail');
  assert.ok(!failing.some((id) => ROWS.some((r) => id === `t3.row.${r}`)), failing.join());
  await ed.undo();
  assert.deepEqual(await values(ed), ROWS.map(() => COLS.map(() => '')));
  await ed.redo();
  assert.deepEqual(await values(ed), EXPECTED);
});

test('with automatic totals on, the 总计 column is computed and the pasted totals are reported, not written', async () => {
  const ed = await session.open();
  await ed.cell('table3.granted.natural').click();
  await ed.paste(BLOCK);
  assert.deepEqual(await values(ed), EXPECTED, 'the computed totals equal the pasted ones');
  const notice = await ed.notice();
  assert.match(notice, /已粘贴 18 个格子/);
  assert.match(notice, /3 个值落在自动计算的总计格上/);
});

test('cells beyond the table edge are reported; invalid text is written as typed and flagged', async () => {
  const ed = await session.open();
  await ed.setAutoTotals(false);
  await ed.cell('table3.carried_forward.legal').click();
  // Quoted cell with an embedded tab and line break and a doubled quote: a single (invalid) value.
  await ed.paste('1\t2\t"a\tb\r\n""c"""\t4\r\n5\t6\r\n');
  assert.equal(await ed.cell('table3.carried_forward.legal').inputValue(), '1');
  assert.equal(await ed.cell('table3.carried_forward.other_org').inputValue(), '2');
  assert.equal(await ed.cell('table3.carried_forward.total').inputValue(), 'a\tb\r\n"c"'.replace(/[\r\n]/g, ''));
  const notice = await ed.notice();
  assert.match(notice, /已粘贴 3 个格子/);
  assert.match(notice, /3 个值超出了表格范围，未粘贴/);
  assert.match(notice, /1 个值不是有效的数字/);
  assert.equal(await ed.cell('table3.carried_forward.total').getAttribute('aria-invalid'), 'true');
});

test('a single value is pasted into the cell as text; a single Excel cell (with line break) is normalised', async () => {
  const ed = await session.open();
  await ed.cell('table2.licensing.decisions').click();
  await ed.paste('２,293\r\n');
  assert.equal(await ed.cell('table2.licensing.decisions').inputValue(), '2293');
});
