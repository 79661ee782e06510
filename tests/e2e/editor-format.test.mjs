// The format follows the report year: 2019/2020 reports use the 2019 trial format (表二 with its
// own columns and rows, （六）其他处理 as a single row); the preview and print show the document.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { editorSession } from './editor.page.mjs';

const session = editorSession();
before(() => session.start());
after(() => session.stop());

const headers = (page, table) =>
  page.locator(`table.grid-${table} th`).evaluateAll((els) => els.map((e) => e.textContent.trim()));

test('switching the year to 2020 shows the 2019 trial format and keeps the shared values', async () => {
  const ed = await session.open();
  const { page } = ed;
  await ed.selectYear(2021);
  await ed.typeInto('table3.granted.natural', '7');
  await ed.typeInto('table3.other_misc.natural', '1');
  assert.equal(await page.locator('input[data-field^="table3.other_"]').count(), 21);

  await ed.selectYear(2020);
  // （六）其他处理: one row (7 cells) instead of three.
  assert.equal(await page.locator('input[data-field^="table3.other_"]').count(), 7);
  assert.equal(await ed.cell('table3.other_handling.natural').count(), 1);
  assert.equal(await ed.cell('table3.other_misc.natural').count(), 0);
  // 2019 表二 labels and rows.
  const t2 = await headers(page, 'table2');
  for (const label of ['本年新制作数量', '本年新公开数量', '对外公开总数量', '规范性文件', '其他对外管理服务事项', '本年增/减', '政府集中采购', '采购总金额']) {
    assert.ok(t2.includes(label), `表二 has 「${label}」`);
  }
  assert.ok(!t2.includes('本年制发件数'));
  assert.ok(!t2.includes('行政规范性文件'));
  assert.equal(await ed.cell('table2.procurement.amount').count(), 1);
  // 表三's vertical label spans 20 rows in 2019 (26 grid rows in all).
  assert.equal(await page.locator('table.grid-table3 th.lbl-vertical').getAttribute('rowspan'), '20');
  assert.equal(await page.locator('table.grid-table3 tr').count(), 26);
  // The value in a cell both formats have is kept; the user is told about the dropped one.
  assert.equal(await ed.cell('table3.granted.natural').inputValue(), '7');
  assert.match(await ed.notice(), /2019 年试行格式.*1 个新格式中没有的格子/);
  assert.match(await page.locator('textarea[name="other"]').getAttribute('placeholder'), /^（文字描述）$/);
  // Undo restores the 2021 format with the dropped value.
  await ed.undo();
  assert.equal(await ed.cell('table3.other_misc.natural').inputValue(), '1');
  assert.equal(await page.locator('table.grid-table3 th.lbl-vertical').getAttribute('rowspan'), '22');
  assert.deepEqual(ed.consoleErrors, []);
});

test('the 2021 grid has the official merges: the vertical 三、本年度办理结果 and the 申请人情况 headers', async () => {
  const ed = await session.open();
  const { page } = ed;
  await ed.selectYear(2021);
  const vertical = page.locator('table.grid-table3 th.lbl-vertical');
  assert.equal((await vertical.textContent()).trim(), '三、本年度办理结果');
  assert.equal(await page.locator('table.grid-table3 tr').count(), 28);
  const t3 = await headers(page, 'table3');
  for (const label of ['申请人情况', '法人或其他组织', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理', '（七）总计']) {
    assert.ok(t3.includes(label), `表三 has 「${label}」`);
  }
  assert.equal(await page.locator('table.grid-table3 th', { hasText: '申请人情况' }).getAttribute('colspan'), '7');
  assert.equal(await ed.cell('table3.withheld_state_secret.natural').getAttribute('aria-label'), '（三）不予公开 1.属于国家秘密 · 自然人');
  assert.equal(await page.locator('input[data-field]').count(), 10 + 25 * 7 + 15);
});

test('Ctrl+P (beforeprint) builds the preview at once, before the page is idle', async () => {
  const ed = await session.open();
  await ed.page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await ed.page.locator('article.preview h1.doc-title').waitFor({ state: 'attached', timeout: 1000 });
});

test('the hidden preview does not follow typing, but printing or opening it shows the report as it is', async () => {
  const ed = await session.open();
  const { page } = ed;
  await ed.selectYear(2021);
  await page.getByRole('button', { name: '预览' }).click();
  await page.getByRole('button', { name: '返回编辑' }).click();
  const granted = page.locator('article.preview table.doc-table3 tr', { hasText: '（一）予以公开' }).locator('td').first();
  assert.equal((await granted.textContent()).trim(), '');
  await ed.typeInto('table3.granted.natural', '41');
  await page.waitForTimeout(300);
  assert.equal((await granted.textContent()).trim(), '', 'the hidden preview is not rebuilt on every keystroke');
  // Ctrl+P: the preview catches up before the page is printed.
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.waitForFunction(() => [...document.querySelectorAll('article.preview table.doc-table3 tr')]
    .find((tr) => tr.textContent.includes('（一）予以公开'))?.querySelector('td')?.textContent.trim() === '41', null, { timeout: 1000 });
  await page.evaluate(() => dispatchEvent(new Event('afterprint')));
  // After printing it is hidden again; opening it shows the latest figures.
  await ed.typeInto('table3.granted.other_org', '1');
  await ed.typeInto('table3.granted.natural', '42');
  await page.getByRole('button', { name: '预览' }).click();
  assert.equal((await granted.textContent()).trim(), '42');
  assert.deepEqual(ed.consoleErrors, []);
});

test('the preview shows the document; printing shows only the report', async () => {
  const ed = await session.open();
  const { page } = ed;
  await ed.selectYear(2021);
  await ed.typeText('unit_name', '平潭综合实验区');
  await ed.typeText('other', '2021年，无收取信息处理费情况。');
  await ed.typeInto('table3.granted.natural', '27');
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    await page.keyboard.type('0');
  }
  await page.getByRole('button', { name: '预览' }).click();
  const preview = page.locator('article.preview');
  // The preview is a chunk of its own (docs/first-load.md): the first opening may wait for it.
  await preview.waitFor({ state: 'visible', timeout: 10_000 });
  assert.equal((await preview.locator('.doc-title').textContent()).trim(), '平潭综合实验区2021年政府信息公开工作年度报告');
  const headings = await preview.locator('.doc-heading').allTextContents();
  // As in the DOCX (the same outline): an empty narrative section prints no heading.
  assert.deepEqual(headings, ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '六、其他需要报告的事项']);
  assert.equal(await preview.locator('table.doc-table').count(), 3);
  assert.ok((await preview.textContent()).includes('2021年，无收取信息处理费情况。'));
  // The computed 总计 of the row shows in the printed table; blank cells stay blank.
  const row = await preview.locator('table.doc-table3 tr', { hasText: '（一）予以公开' }).locator('td').allTextContents();
  assert.deepEqual(row, ['27', '0', '0', '0', '0', '0', '27']);
  const next = await preview.locator('table.doc-table3 tr', { hasText: '（二）部分公开' }).locator('td').allTextContents();
  assert.deepEqual(next, ['', '', '', '', '', '', '']);
  await page.getByRole('button', { name: '返回编辑' }).click();
  assert.ok(!(await preview.isVisible()));
  // Print: only the report, even when the form is on screen.
  await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  assert.ok(await preview.isVisible());
  assert.ok(!(await page.locator('.workspace').isVisible()));
  assert.ok(!(await page.locator('.toolbar').isVisible()));
  await page.emulateMedia({ media: 'screen' });
});
