// Last year's report dropped on the page: the import worker is not part of the first load; a
// .pdf, a .doc and a damaged .docx get their Chinese messages; nothing is stored.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { draftsSession } from './drafts.page.mjs';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../core/fixtures/published');
const DOCX = fs.readFileSync(path.join(FIXTURES, '10_pingtan-shichang-jiandu-guanliju-2023.docx'));
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

test("a Word file of last year's report is read in the worker", async () => {
  const browser = await session.browser();
  const d = await session.open(browser);
  await drop(d.page, [{ name: '市场监管局2023年报告.docx', bytes: [...DOCX] }]);
  const [line] = await lines(d.page, 1);
  assert.match(line, /已读取 \d+ 段文字、3 张表格/);
  assert.equal((await d.stored()).length, 0);
});
