// Last year's published report into the app: the import worker is not part of the first load; a
// dropped .docx shows its import report before anything is stored, then starts this year's report
// (上年结转 filled, cross-year checks on, last year's text beside); a portal page pasted with Ctrl+V
// (its text/html) opens as that year's draft; a .pdf, a .doc, a .wps and a damaged .docx get their
// Chinese messages; nothing is stored before the clerk chooses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { draftsSession, report, T3_COLUMNS } from './drafts.page.mjs';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../core/fixtures/published');
const DOCX = fs.readFileSync(path.join(FIXTURES, '10_pingtan-shichang-jiandu-guanliju-2023.docx'));
// 平潭综合实验区 2021: 结转下年度 1 0 0 0 0 0 1, so 上年结转 shows what was carried.
const LAST_YEAR_DOCX = fs.readFileSync(path.join(FIXTURES, '01_pingtan-zonghe-shiyanqu-2021.docx'));
const PAGE = fs.readFileSync(path.join(FIXTURES, '06_pingtan-ziranziyuan-shengtaihuanjing-ju-2023.html'), 'utf8');
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0];
const SAVE_AS = '请在 WPS 或 Word 中打开并另存为 .docx，或复制网页内容粘贴';

const session = draftsSession();
before(() => session.start());
after(() => session.stop());

/** Drops files ({ name, bytes: number[] }) on the editor, as a user drags them from a folder. */
async function drop(page, files) {
  await page.evaluate((files) => {
    const data = new DataTransfer();
    for (const f of files) data.items.add(new File([new Uint8Array(f.bytes)], f.name));
    const target = document.querySelector('.editor');
    target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, files);
}

async function lines(page, count) {
  const results = page.getByTestId('import-results');
  await results.getByRole('heading', { name: '导入结果' }).waitFor();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="import-line"]').length === n, count);
  return results.getByTestId('import-line').allInnerTexts();
}

test('the import worker starts only when a report is dropped', async () => {
  const browser = await session.browser();
  const d = await session.open(browser);
  await d.page.waitForTimeout(4000);
  // The service worker precaches it for offline use; the page itself does not load it.
  const loaded = () => d.page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('import_worker')));
  assert.deepEqual(await loaded(), []);
  await drop(d.page, [{ name: '上年报告.pdf', bytes: [...Buffer.from('%PDF-1.7\n%âãÏÓ\n')] }]);
  await lines(d.page, 1);
  assert.ok((await loaded()).some((n) => n.includes('import_worker_loader.js')));
});

test('a .pdf, a .doc, a .wps and a damaged .docx get their messages, and nothing is stored', async () => {
  const browser = await session.browser();
  const d = await session.open(browser);
  await drop(d.page, [
    { name: '上年报告.pdf', bytes: [...Buffer.from('%PDF-1.7\n')] },
    { name: '上年报告.doc', bytes: OLE },
    { name: '上年报告.wps', bytes: OLE },
    { name: '损坏.docx', bytes: [...DOCX.subarray(0, DOCX.length / 2)] },
  ]);
  const [pdf, doc, wps, damaged] = await lines(d.page, 4);
  assert.match(pdf, /上年报告\.pdf[\s\S]*无法直接导入 PDF 文件/);
  assert.ok(pdf.includes(SAVE_AS), pdf);
  assert.match(doc, /无法直接导入 Word 97-2003 文档（\.doc）/);
  assert.ok(doc.includes(SAVE_AS), doc);
  assert.match(wps, /WPS 文字旧格式文件（\.wps）/);
  assert.match(damaged, /文件已损坏/);
  assert.equal((await d.stored()).length, 0);
});

/** The import dialog's lists, by part: head, tables, sections, parts, notes. */
async function importReport(page) {
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-report').waitFor();
  return dialog.evaluate((el) => Object.fromEntries([...el.querySelectorAll('ul[data-part]')].map((ul) => [
    ul.dataset.part, [...ul.children].map((li) => ({ text: li.textContent, found: li.dataset.found !== 'false' })),
  ])));
}

test("last year's .docx dropped: its import report, then this year's report started from it", async () => {
  const browser = await session.browser();
  const d = await session.open(browser);
  const last = report('01_');
  await drop(d.page, [{ name: '平潭2021年报告.docx', bytes: [...LAST_YEAR_DOCX] }]);
  const [line] = await lines(d.page, 1);
  assert.match(line, /平潭2021年报告\.docx[\s\S]*已识别为年度报告/);

  const shown = await importReport(d.page);
  const head = shown.head.map((l) => l.text);
  assert.equal(head[0], `机关：${last.unit_name}`);
  assert.equal(head[1], '年度：2021');
  assert.match(head[2], /^格式：2021 年格式（国办公开办函〔2021〕30号）$/);
  assert.equal(shown.tables.length, 3);
  for (const t of shown.tables) {
    const [, found, expected] = t.text.match(/识别 (\d+)\/(\d+) 个单元格/);
    assert.equal(found, expected, t.text);
  }
  assert.equal(shown.sections.length, 6);
  assert.ok(shown.sections.every((s) => s.found && /：找到/.test(s.text)), JSON.stringify(shown.sections));
  assert.ok(shown.notes.length > 0 && shown.notes.every((n) => /^【(推断|写法不同|读法|未导入)】/.test(n.text)));
  // The saved page prints no title: where 机关 and 年度 were taken from is said.
  assert.ok(shown.notes.some((n) => /机关和年度取自/.test(n.text)), JSON.stringify(shown.notes));
  // Nothing stored before the choice.
  assert.equal((await d.stored()).length, 0);

  await d.page.getByTestId('import-dialog').getByRole('button', { name: '以此为上年报告，新建2022年报告' }).click();
  await d.saved();
  assert.equal(await d.page.getByTestId('import-dialog').count(), 0);
  assert.equal(await d.page.locator('select[name="year"]').inputValue(), '2022');
  assert.equal(await d.field('unit_name').inputValue(), last.unit_name);
  const carried = [];
  for (const col of T3_COLUMNS) carried.push(await d.cell(`table3.carried_over.${col}`).inputValue());
  assert.deepEqual(carried, T3_COLUMNS.map((c) => last.cells[`table3.carried_forward.${c}`] ?? ''));
  assert.deepEqual(carried, ['1', '0', '0', '0', '0', '0', '1']);
  assert.equal(await d.cell('table3.new_received.natural').inputValue(), '');
  // Cross-year checks on (and passing for the carried columns).
  const passing = await d.checks('pass');
  for (const col of T3_COLUMNS) assert.ok(passing.includes(`cross.carried_over.${col}`), col);
  // …and last year's 现行有效 (665 规范性文件) is what this year's stock is checked against.
  await d.typeInto('table2.normative_docs.issued', '10');
  await d.typeInto('table2.normative_docs.repealed', '0');
  await d.typeInto('table2.normative_docs.in_force', '700');
  // (The checks run 300 ms after typing stops; d.checks opens the folded groups.)
  for (let i = 0; i < 50 && !(await d.checks('fail')).includes('cross.in_force.normative_docs'); i++) {
    await d.page.waitForTimeout(100);
  }
  const stock = d.page.locator('[data-check="cross.in_force.normative_docs"][data-status="fail"]');
  assert.match(await stock.textContent(), /上年现行有效件数665\+本年制发件数10−本年废止件数0=675/);
  // Last year's text beside the section, not copied into it.
  assert.equal(await d.field('overview').inputValue(), '');
  const reference = d.page.locator('#section-一 [data-testid="last-year-text"]');
  assert.match(await reference.textContent(), /2021年报告的原文/);
  assert.ok((await reference.textContent()).includes(last.text.overview.slice(0, 30)));
  const stored = await d.stored();
  assert.deepEqual(stored.map((s) => s.record.draft.report.year), [2022]);
});

test("a portal page pasted with Ctrl+V (its text/html) opens as that year's draft", async () => {
  const browser = await session.browser();
  const d = await session.open(browser);
  const last = report('06_');
  // A real paste: the page's HTML on the system clipboard, Ctrl+V with the focus outside any field.
  await d.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: session.url });
  await d.page.evaluate(async (html) => {
    const text = new DOMParser().parseFromString(html, 'text/html').body.innerText;
    await navigator.clipboard.write([new ClipboardItem({
      'text/html': new Blob([html], { type: 'text/html' }),
      'text/plain': new Blob([text], { type: 'text/plain' }),
    })]);
    document.activeElement?.blur();
  }, PAGE);
  await d.page.keyboard.press('Control+V');
  const shown = await importReport(d.page);
  assert.match(await d.page.getByTestId('import-report').locator('h3').first().textContent(), /^粘贴的内容：识别结果$/);
  assert.equal(shown.head[1].text, '年度：2023');
  assert.ok(shown.sections.every((s) => s.found));
  assert.equal((await d.stored()).length, 0);

  await d.page.getByTestId('import-dialog').getByRole('button', { name: '作为2023年草稿打开' }).click();
  await d.saved();
  assert.equal(await d.page.locator('select[name="year"]').inputValue(), '2023');
  for (const [key, value] of Object.entries(last.cells).filter(([k]) => k.startsWith('table3.'))) {
    assert.equal(await d.cell(key).inputValue(), value, key);
  }
  // Pasted again: the same 机关 and 年度 is stored now, so the clerk is asked before anything is replaced.
  await d.page.evaluate(() => document.activeElement?.blur());
  await d.page.keyboard.press('Control+V');
  await importReport(d.page);
  await d.page.getByTestId('import-dialog').getByRole('button', { name: '作为2023年草稿打开' }).click();
  const ask = d.page.getByTestId('import-dialog').locator('.import-ask');
  assert.match(await ask.textContent(), /已有同一机关、同一年度的草稿/);
  await ask.getByRole('button', { name: '取消' }).click();
  await d.page.getByTestId('import-dialog').getByRole('button', { name: '不导入' }).click();
  assert.equal((await d.stored()).length, 1);
});

test('the paste box and the file picker of 「导入上年报告」; text that is not a report gets its message', async () => {
  const browser = await session.browser();
  const d = await session.open(browser);
  await d.page.locator('.drafts-bar').getByRole('button', { name: '导入上年报告' }).click();
  const dialog = d.page.getByTestId('import-dialog');
  await dialog.getByTestId('import-paste').focus();
  await d.page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '关于召开年度工作会议的通知\n请各单位准时参加。');
    document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  assert.match(await dialog.getByRole('alert').textContent(), /^粘贴的内容：这不是政府信息公开工作年度报告/);
  await dialog.getByTestId('import-report-input').setInputFiles({ name: '上年报告.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n') });
  await d.page.waitForFunction(() => /上年报告\.pdf/.test(document.querySelector('[data-testid="import-dialog"] [role="alert"]')?.textContent));
  assert.match(await dialog.getByRole('alert').textContent(), /无法直接导入 PDF 文件/);
  await dialog.getByTestId('import-report-input').setInputFiles({ name: '上年报告.docx', mimeType: 'application/octet-stream', buffer: DOCX });
  assert.equal((await importReport(d.page)).head[1].text, '年度：2023');
  assert.equal((await d.stored()).length, 0);
});

test("「由上年报告新建」 takes last year's published .docx too", async () => {
  const browser = await session.browser();
  const d = await session.open(browser);
  await d.page.locator('.drafts-bar').getByRole('button', { name: '由上年报告新建' }).click();
  await d.page.getByTestId('next-year-input').setInputFiles({ name: '上年报告.docx', mimeType: 'application/octet-stream', buffer: DOCX });
  await importReport(d.page);
  await d.page.getByTestId('import-dialog').getByRole('button', { name: '以此为上年报告，新建2024年报告' }).click();
  await d.saved();
  assert.equal(await d.page.locator('select[name="year"]').inputValue(), '2024');
  assert.deepEqual(d.consoleErrors, []);
});
