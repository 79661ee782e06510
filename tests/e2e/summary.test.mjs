// The 汇总 page (summary.html): the eight fixture drafts and a broken file dropped in; one row per
// unit with its error count, the broken file's reason, 「只看有错误的」, the summary draft made and
// opened in the editor with its totals, and the Excel overview read back (zip + XML); the page in
// Chromium 80 (docs/browser-support.md), started as index.html is.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { startServer, launchBrowser, repoRoot, distDir } from './lib/harness.mjs';
import { makeSummaryAndOpenIt, openSummaryPage } from './summary.page.mjs';
import { launchCdp, CHROMIUM80_PATH } from './lib/cdp.mjs';

let server, browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const FIXTURES = path.join(repoRoot, 'core/fixtures');

/** The entries of a zip file (stored or deflated), by name. */
function unzip(bytes) {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(eocd >= 0, 'a zip file');
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const files = new Map();
  for (let i = 0; i < count; i++) {
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    files.set(name, (method === 8 ? zlib.inflateRawSync(data) : data).toString('utf8'));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

/** The text of every cell of a worksheet, row by row (shared strings resolved). */
function sheetRows(files, sheet) {
  const strings = [...files.get('xl/sharedStrings.xml').matchAll(/<si>(.*?)<\/si>/gs)].map((m) =>
    [...m[1].matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join(''));
  return [...files.get(sheet).matchAll(/<row[^>]*>(.*?)<\/row>/gs)].map((row) =>
    [...row[1].matchAll(/<c ([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)].map(([, attrs, body = '']) => {
      const v = /<v>(.*?)<\/v>/.exec(body)?.[1] ?? '';
      return /t="s"/.test(attrs) ? strings[Number(v)] : v;
    }));
}

test('eight drafts and a broken file: rows, reasons, filter, the summary in the editor, the XLSX', async () => {
  const { page, consoleErrors, pick } = await openSummaryPage(browser, server.url);

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-summary-'));
  const broken = path.join(tmp, '损坏的草稿.json');
  fs.writeFileSync(broken, '{"schema": "xxgk-report/draft", ');
  const drafts = fs.readdirSync(FIXTURES).filter((f) => /^\d.*\.json$/.test(f)).sort().map((f) => path.join(FIXTURES, f));
  assert.equal(drafts.length, 8);
  await pick.setInputFiles([...drafts, broken]);

  const rows = page.locator('tr.unit');
  await page.waitForFunction(() => document.querySelectorAll('tr.unit').length === 8);
  const errors = await page.locator('tr.unit td.errors').allTextContents();
  assert.deepEqual(errors.map(Number), [0, 0, 0, 3, 0, 0, 1, 0]);
  const names = await page.locator('tr.unit th.name').allTextContents();
  assert.match(names[3], /^平潭综合实验区自然资源与生态环境局/);
  const unreadable = page.locator('[data-testid="unreadable"]');
  await unreadable.getByText('损坏的草稿.json').waitFor();
  assert.match(await unreadable.textContent(), /无法读取的文件（1 个）.*损坏的草稿\.json.*无法导入/s);

  // 「只看有错误的」: the two units with errors.
  await page.getByLabel('只看有错误的').check();
  await page.waitForFunction(() => document.querySelectorAll('tr.unit').length === 2);
  assert.deepEqual((await page.locator('tr.unit td.errors').allTextContents()).map(Number), [3, 1]);
  // A unit's check list.
  await rows.first().getByRole('button', { name: '校验结果' }).click();
  await page.locator('tr.check-list').getByText('错误').first().waitFor();
  await page.getByLabel('只看有错误的').uncheck();
  await page.waitForFunction(() => document.querySelectorAll('tr.unit').length === 8);

  // The summary draft, stored for the editor.
  const { made, editor, editorErrors } = await makeSummaryAndOpenIt(page, browser.context);
  assert.match(await made.textContent(), /表二「规章 · 现行有效件数」：平潭综合实验区市场监督管理局、平潭综合实验区社会事业局 未填写/);
  const cell = (p) => editor.locator(`input[data-field="${p}"]`);
  assert.equal(await cell('table3.new_received.natural').inputValue(), '3189');
  assert.equal(await cell('table4.review.total').inputValue(), '360');
  assert.equal(await cell('table2.fees.amount').inputValue(), '129540.271082');
  assert.equal(await cell('table2.rules.in_force').inputValue(), '');
  assert.match(await editor.getByTestId('draft-title').textContent(), /平潭综合实验区（汇总）/);
  await editor.close();

  // The overview workbook.
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.getByRole('button', { name: '导出概览（Excel）' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), '汇总概览2023.xlsx');
  const files = unzip(fs.readFileSync(await download.path()));
  const units = sheetRows(files, 'xl/worksheets/sheet1.xml');
  assert.equal(units.length, 9);
  assert.deepEqual(units[0].slice(0, 5), ['序号', '机关', '层级', '年度', '错误']);
  assert.deepEqual(units[4].slice(0, 5), ['4', '平潭综合实验区自然资源与生态环境局', '县级以上地方人民政府部门', '2023', '3']);
  assert.ok(units[1].includes('24252.311082'), units[1].join(','));
  const checks = sheetRows(files, 'xl/worksheets/sheet2.xml');
  assert.ok(checks.length > 4);
  const notRead = sheetRows(files, 'xl/worksheets/sheet3.xml');
  assert.equal(notRead[1][0], '损坏的草稿.json');

  fs.rmSync(tmp, { recursive: true, force: true });
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(editorErrors, []);
});

test('published reports (.docx, .html) among the drafts: their rows and figures are their drafts\'; a broken .docx says why', async () => {
  const { page, consoleErrors, pick } = await openSummaryPage(browser, server.url);
  const drafts = fs.readdirSync(FIXTURES).filter((f) => /^\d.*\.json$/.test(f)).sort();
  // Every column but 层级, which a published report does not state (a draft has it from the editor).
  const rowTexts = () => page.locator('tr.unit').evaluateAll((rows) =>
    rows.map((r) => [...r.querySelectorAll('th.name, td:not(.actions)')].map((c) => c.textContent).filter((_, i) => i !== 2)));
  await pick.setInputFiles(drafts.map((f) => path.join(FIXTURES, f)));
  await page.waitForFunction(() => document.querySelectorAll('tr.unit').length === 8);
  const fromDrafts = await rowTexts();
  await page.getByRole('button', { name: '清空' }).click();
  await page.waitForFunction(() => document.querySelectorAll('tr.unit').length === 0);

  // 08_ as the page saved from the portal, 10_ as the Word file, the others as drafts.
  const published = { '08_': '.html', '10_': '.docx' };
  const files = drafts.map((f) => {
    const ext = published[f.slice(0, 3)];
    return ext ? path.join(FIXTURES, 'published', f.replace(/\.json$/, ext)) : path.join(FIXTURES, f);
  });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-summary-published-'));
  const broken = path.join(tmp, '某局报告.docx');
  fs.writeFileSync(broken, Buffer.from('PK\x03\x04 not a zip', 'latin1'));
  await pick.setInputFiles([...files, broken]);
  await page.waitForFunction(() => document.querySelectorAll('tr.unit').length === 8);
  assert.deepEqual(await rowTexts(), fromDrafts);
  assert.match(fromDrafts[5].join('|'), /平潭综合实验区市场监督管理局/);
  const unreadable = page.locator('[data-testid="unreadable"]');
  await unreadable.getByText('某局报告.docx').waitFor();
  assert.match(await unreadable.textContent(), /「某局报告\.docx」无法导入：/);
  fs.rmSync(tmp, { recursive: true, force: true });
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('the 汇总 page and the editor link to each other; the page is sealed like index.html', async () => {
  const page = await browser.newPage();
  await page.goto(`${server.url}summary.html`, { waitUntil: 'load' });
  await page.locator('[data-testid="pick"]').waitFor({ state: 'attached', timeout: 30_000 });
  assert.equal(await page.getByRole('link', { name: '返回报告编辑' }).getAttribute('href'), './');
  const html = fs.readFileSync(path.join(distDir, 'summary.html'), 'utf8');
  const index = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const csp = (h) => /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(h)[1];
  assert.equal(csp(html), csp(index));
  // The editor's first load names nothing of the 汇总 page.
  assert.doesNotMatch(index, /summary_view/);
  await page.close();
});

test('Chromium 80 runs the 汇总 page: its wasm compiled in the worker, eight drafts give their rows', async () => {
  assert.ok(fs.existsSync(CHROMIUM80_PATH), `no Chromium 80 at ${CHROMIUM80_PATH}: run scripts/install.sh`);
  const old = await launchCdp(CHROMIUM80_PATH, ['--lang=zh-CN', '--window-size=1280,900']);
  try {
    assert.match(old.version, /^HeadlessChrome\/80\./);
    const page = await old.newPage('');
    await page.goto(`${server.url}summary.html`);
    await page.waitFor('document.querySelector("[data-testid=pick]") !== null', 60_000);
    assert.equal(await page.eval('document.getElementById("xxgk-unsupported")'), null, 'the message is gone');
    const viaWorker = await page.eval('performance.getEntriesByType("resource").some((e) => /xxgk-compile-[0-9a-f]+\\.js$/.test(e.name))');
    assert.equal(viaWorker, true, 'compiled in the worker');
    const drafts = fs.readdirSync(FIXTURES).filter((f) => /^\d.*\.json$/.test(f)).sort().map((f) => path.join(FIXTURES, f));
    const { result } = await page.s.send('Runtime.evaluate', { expression: 'document.querySelector("[data-testid=pick]")' });
    await page.s.send('DOM.setFileInputFiles', { files: drafts, objectId: result.objectId });
    await page.waitFor('document.querySelectorAll("tr.unit").length === 8', 30_000);
    const errors = await page.eval('[...document.querySelectorAll("tr.unit td.errors")].map((e) => Number(e.textContent))');
    assert.deepEqual(errors, [0, 0, 0, 3, 0, 0, 1, 0]);
    // Chromium 80 does not know the CSP's 'wasm-unsafe-eval' and says so (harmless: it is ignored).
    const problems = [...page.errors, ...page.console.filter((m) => m.type === 'error' && !m.text.includes("''wasm-unsafe-eval''")).map((m) => m.text)];
    assert.deepEqual(problems, []);
  } finally {
    await old.close();
  }
});
