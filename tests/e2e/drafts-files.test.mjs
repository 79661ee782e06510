// Draft files: export then import is identical; wrong, newer and several files; an import never
// overwrites a draft without asking; files dropped on the page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { draftsSession, report, draftFile } from './drafts.page.mjs';

const session = draftsSession();
before(() => session.start());
after(() => session.stop());

const NAME_01 = '平潭综合实验区2021年政府信息公开工作年度报告-草稿.json';

test('export then import: the round trip is identical', async () => {
  const browser = await session.browser();
  const d = await session.open(browser);
  await d.import([{ name: NAME_01, text: draftFile(report('01_')) }]);
  // One file, nothing to ask: imported and opened.
  await d.page.waitForFunction(() => document.querySelector('input[name="unit_name"]').value === '平潭综合实验区');
  assert.equal(await d.cell('table2.fees.amount').inputValue(), '24252.311082');
  // Edits of every kind before exporting.
  await d.typeText('overview', '\n补充一段：“双引号”、\\反斜杠\\、制表\t符。');
  await d.typeInto('table4.review.upheld', '0');
  await d.page.locator('select[name="unit_level"]').selectOption('city_government');
  await d.saved();

  const first = await d.export();
  assert.equal(first.name, NAME_01);
  const a = JSON.parse(first.text);
  assert.equal(a.schema, 'xxgk-report/draft');
  assert.equal(a.report.table3.granted.natural, '27');
  assert.match(a.report.sections.overview, /补充一段：“双引号”、\\反斜杠\\、制表\t符。$/);

  // Import it back: same 机关 and 年度, so it asks; keep both.
  await d.import([{ name: first.name, text: first.text }]);
  const line = d.page.getByTestId('import-line');
  assert.match(await line.textContent(), /已有同一机关、同一年度的草稿「平潭综合实验区 2021年」/);
  await line.getByRole('button', { name: '另存为新草稿' }).click();
  await line.getByRole('button', { name: '打开' }).click();
  assert.equal((await d.stored()).length, 2);
  const second = await d.export();
  assert.equal(second.name, first.name);
  assert.equal(second.text, first.text, 'byte for byte');
});

test('a wrong file and a newer-version file are refused with their messages', async () => {
  const browser = await session.browser();
  const d = await session.open(browser);
  const newer = JSON.parse(draftFile(report('02_')));
  newer.version = 99;
  const bad = JSON.parse(draftFile(report('05_')));
  bad.report.table3.granted.natural = 27;
  await d.import([
    { name: '年报.docx', text: 'PK\u0003\u0004 word/document.xml', mimeType: 'application/octet-stream' },
    { name: '别的.json', text: '{"name": "不是草稿"}' },
    { name: '新版本.json', text: JSON.stringify(newer) },
    { name: '改坏的.json', text: JSON.stringify(bad) },
  ]);
  const lines = await d.importLines();
  assert.equal(lines.length, 4);
  // A .docx goes to the report import (last year's published report), which reads it as a damaged zip.
  assert.match(lines[0].text, /「年报\.docx」：文件已损坏，无法读取/);
  assert.match(lines[1].text, /「别的\.json」无法导入：这不是年度报告草稿文件/);
  assert.match(lines[2].text, /「新版本\.json」无法导入：这个草稿由更新版本的程序保存（草稿格式第 99 版，本程序只能读取到第 \d+ 版）/);
  assert.match(lines[3].text, /「改坏的\.json」无法导入：草稿内容有误：report\.table3\.granted\.natural：应为文本/);
  assert.ok(lines.every((l) => l.summary === null));
  assert.equal((await d.stored()).length, 0, 'nothing stored');
  assert.deepEqual(d.consoleErrors, []);
});

test('several files at once: each one with its check summary', async () => {
  const browser = await session.browser();
  const d = await session.open(browser);
  const picks = ['05_', '06_', '11_', '12_'].map((p) => report(p));
  await d.import(picks.map((r) => ({ name: `${r.unit_name}${r.year}.json`, text: draftFile(r) })));
  const lines = await d.importLines();
  assert.equal(lines.length, 4);
  for (const [i, r] of picks.entries()) {
    assert.match(lines[i].text, new RegExp(`${r.unit_name} ${r.year}年`));
    assert.match(lines[i].text, /已导入为新草稿/);
  }
  // Fixture 06 fails three checks, 11 one; 05 and 12 reconcile (their badge shows no error).
  assert.match(lines[1].summary, /^3 处错误/);
  assert.match(lines[2].summary, /^1 处错误/);
  assert.doesNotMatch(lines[0].summary, /错误/);
  assert.doesNotMatch(lines[3].summary, /错误/);
  assert.equal((await d.stored()).length, 4);
  // Several files: none is opened by itself.
  assert.equal(await d.field('unit_name').inputValue(), '');
});

test('an import never overwrites a draft without asking; replacing can be undone', async () => {
  const browser = await session.browser();
  const d = await session.open(browser);
  const r = report('08_');
  await d.import([{ name: 'a.json', text: draftFile(r) }]);
  await d.page.waitForFunction(() => document.querySelector('input[name="unit_name"]').value !== '');
  await d.typeText('overview', '本地的修改');
  await d.saved();

  const changed = JSON.parse(draftFile(r));
  changed.report.sections.overview = '文件里的版本';
  await d.import([{ name: 'b.json', text: JSON.stringify(changed) }]);
  const line = d.page.getByTestId('import-line');
  assert.match(await line.textContent(), /已有同一机关、同一年度的草稿/);
  assert.match(await d.field('overview').inputValue(), /本地的修改$/, 'nothing replaced before the user chooses');
  assert.equal((await d.stored()).length, 1);

  await line.getByRole('button', { name: '替换原草稿' }).click();
  assert.equal(await d.field('overview').inputValue(), '文件里的版本');
  assert.match(await line.textContent(), /已替换原草稿/);
  // The replaced content is in 「本次删除的草稿」 and comes back as a draft of its own.
  const list = await d.openList();
  await list.getByRole('button', { name: '恢复' }).click();
  const stored = await d.stored();
  assert.equal(stored.length, 2);
  assert.ok(stored.some((s) => /本地的修改$/.test(s.record.draft.report.sections.overview)));
});

test('files dropped on the page are imported', async () => {
  const browser = await session.browser();
  const d = await session.open(browser);
  const text = draftFile(report('10_'));
  await d.page.evaluate((t) => {
    const data = new DataTransfer();
    data.items.add(new File([t], '市场监管局.json', { type: 'application/json' }));
    const target = document.querySelector('.editor');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  await d.page.getByTestId('import-results').getByRole('heading', { name: '导入结果' }).waitFor();
  await d.page.waitForFunction(() => document.querySelector('input[name="unit_name"]').value === '平潭综合实验区市场监督管理局');
  assert.equal((await d.stored()).length, 1);
});
