// New report from last year's: 结转 carried into 上年结转 column by column, the cross-year checks on
// (and flagging a changed column), last year's text beside the new one, never copied into it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { draftsSession, report, draftFile, T3_COLUMNS } from './drafts.page.mjs';
import { screenshot } from './lib/harness.mjs';

const session = draftsSession();
before(() => session.start());
after(() => session.stop());

const COLUMNS = T3_COLUMNS;

test('next-year flow carries 结转 into 上年结转 and flags a changed column', async () => {
  const browser = await session.browser();
  const d = await session.open(browser);
  // 平潭综合实验区 2021 (fixture 01): 结转下年度 1 0 0 0 0 0 1, 现行有效 0 / 665.
  const last = report('01_');
  await d.import([{ name: 'pingtan-2021.json', text: draftFile(last) }]);
  await d.page.waitForFunction(() => document.querySelector('input[name="unit_name"]').value === '平潭综合实验区');

  await d.page.locator('.drafts-bar').getByRole('button', { name: '由上年报告新建' }).click();
  const dialog = d.page.getByTestId('next-year-dialog');
  await dialog.getByRole('button', { name: /^平潭综合实验区 2021年/ }).click();
  await d.saved();

  assert.equal(await d.page.locator('select[name="year"]').inputValue(), '2022');
  assert.equal(await d.field('unit_name').inputValue(), '平潭综合实验区');
  assert.equal(await d.page.locator('select[name="unit_level"]').inputValue(), 'county_government');
  const carried = [];
  for (const col of COLUMNS) carried.push(await d.cell(`table3.carried_over.${col}`).inputValue());
  assert.deepEqual(carried, COLUMNS.map((c) => last.cells[`table3.carried_forward.${c}`]));
  assert.deepEqual(carried, ['1', '0', '0', '0', '0', '0', '1']);
  // Nothing else of last year's figures, and no narrative copied…
  assert.equal(await d.cell('table3.new_received.natural').inputValue(), '');
  assert.equal(await d.cell('table2.fees.amount').inputValue(), '');
  for (const name of ['overview', 'problems', 'other']) assert.equal(await d.field(name).inputValue(), '', name);
  // …but last year's text is there to read beside the new one.
  const reference = d.page.locator('#section-一 [data-testid="last-year-text"]');
  assert.match(await reference.textContent(), /2021年报告的原文（只读，仅供对照，请勿照搬）/);
  assert.ok((await reference.textContent()).includes(last.text.overview.slice(0, 30)));
  assert.equal(await d.field('preamble').inputValue(), '');
  assert.ok((await d.page.locator('.preamble [data-testid="last-year-text"]').textContent()).includes(last.text.preamble.slice(0, 20)));

  // The cross-year checks are on and pass for every column…
  const passing = await d.checks('pass');
  for (const col of COLUMNS) assert.ok(passing.includes(`cross.carried_over.${col}`), col);
  assert.deepEqual((await d.checks('fail')).filter((id) => id.startsWith('cross.')), []);
  // …and a changed column is flagged, with its cell.
  await d.typeInto('table3.carried_over.business', '2');
  await d.page.locator('[data-check="cross.carried_over.business"][data-status="fail"]').waitFor();
  const failing = (await d.checks('fail')).filter((id) => id.startsWith('cross.'));
  // The computed 总计 moves with it (3 against last year's 1).
  assert.deepEqual(failing, ['cross.carried_over.business', 'cross.carried_over.total']);
  assert.ok(await d.page.locator('td.mark-error input[data-field="table3.carried_over.business"]').count());
  await screenshot(d.page, 'drafts-next-year');

  // Both drafts are kept; last year's is unchanged.
  const stored = await d.stored();
  assert.equal(stored.length, 2);
  assert.deepEqual(stored.map((s) => s.record.draft.report.year).sort(), [2021, 2022]);
  const lastYear = stored.find((s) => s.record.draft.report.year === 2021).record.draft.report;
  assert.equal(lastYear.sections.overview, last.text.overview);
});

test('last year can come from a file, and the reference survives a reload', async () => {
  const browser = await session.browser();
  const d = await session.open(browser);
  await d.page.locator('.drafts-bar').getByRole('button', { name: '由上年报告新建' }).click();
  await d.page.getByTestId('next-year-input').setInputFiles({
    name: 'ziranziyuan-2022.json', mimeType: 'application/json', buffer: Buffer.from(draftFile(report('05_'))),
  });
  await d.saved();
  assert.equal(await d.page.locator('select[name="year"]').inputValue(), '2023');
  assert.equal(await d.field('unit_name').inputValue(), '平潭综合实验区自然资源与生态环境局');
  await d.reload();
  assert.match(await d.page.getByTestId('last-year-text').first().textContent(), /2022年报告的原文/);
  // A wrong file is refused with its message.
  await d.page.locator('.drafts-bar').getByRole('button', { name: '由上年报告新建' }).click();
  await d.page.getByTestId('next-year-input').setInputFiles({ name: 'x.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await d.page.getByTestId('next-year-dialog').getByRole('alert').waitFor();
  assert.match(await d.page.getByTestId('next-year-dialog').getByRole('alert').textContent(), /「x\.txt」无法导入/);
});
