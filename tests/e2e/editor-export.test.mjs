// The toolbar's 「导出 DOCX」: asks before exporting a report that still has errors, then downloads
// 「<机关><年度>年政府信息公开工作年度报告.docx」 built by the DOCX worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { editorSession } from './editor.page.mjs';

const session = editorSession();
before(() => session.start());
after(() => session.stop());

test('exporting a report with open problems asks first; confirmed, the DOCX downloads', async () => {
  const ed = await session.open();
  const { page } = ed;
  await ed.selectYear(2021);
  await ed.typeText('unit_name', '平潭综合实验区');
  const button = page.getByRole('button', { name: '导出 DOCX' });

  // Blank cells are reported at export: the user is asked, and saying no exports nothing.
  const asked = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    d.dismiss();
  });
  await button.click();
  await page.waitForTimeout(300);
  assert.equal(asked.length, 1);
  assert.match(asked[0], /处提醒.*仍要导出吗/s);

  page.once('dialog', (d) => d.accept());
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
  assert.equal(download.suggestedFilename(), '平潭综合实验区2021年政府信息公开工作年度报告.docx');
  const file = await download.path();
  const bytes = fs.readFileSync(file);
  assert.equal(bytes.subarray(0, 2).toString(), 'PK', 'a zip (DOCX) file');
  await page.getByText('已生成 DOCX 文件').waitFor();
  assert.equal(await button.isEnabled(), true);
  assert.deepEqual(ed.consoleErrors, []);
});
