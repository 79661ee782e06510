// The preview (what 打印 / Ctrl+P prints) and the exported DOCX are the same document: for every
// fixture draft, the preview's paragraphs and table cells, read from the DOM, equal the DOCX's
// paragraphs and cells, in order (both are rendered from the core's one outline).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { repoRoot } from './lib/harness.mjs';
import { draftsSession } from './drafts.page.mjs';

const session = draftsSession();
before(() => session.start());
after(() => session.stop());

const fixtureDir = path.join(repoRoot, 'core/fixtures');
const fixtures = fs.readdirSync(fixtureDir).filter((f) => f.endsWith('.json')).sort()
  .filter((f) => fs.readFileSync(path.join(fixtureDir, f), 'utf8').includes('"xxgk-report/draft"'));

const decode = (s) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const runText = (xml) => decode([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));

/** The DOCX's body in order: each non-empty paragraph (split at tabs), each table's cells (merged continuations left out). */
function docxTexts(documentXml) {
  const body = documentXml.slice(documentXml.indexOf('<w:body>'), documentXml.lastIndexOf('<w:sectPr'));
  const out = [];
  for (const piece of body.split(/(<w:tbl>[\s\S]*?<\/w:tbl>)/)) {
    if (piece.startsWith('<w:tbl>')) {
      for (const [cell] of piece.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)) {
        if (/<w:vMerge(?: w:val="continue")? ?\/>/.test(cell)) continue;
        out.push(runText(cell));
      }
      continue;
    }
    for (const [p] of piece.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
      for (const part of p.split(/<w:tab ?\/>/)) {
        const text = runText(part);
        if (text) out.push(text);
      }
    }
  }
  return out;
}

/** The preview's blocks in order, a table's cells one by one. */
const previewTexts = (page) => page.locator('article.preview').evaluate((article) => {
  const out = [];
  for (const el of article.children) {
    if (el.tagName === 'TABLE') for (const cell of el.querySelectorAll('th, td')) out.push(cell.textContent);
    else if (el.classList.contains('doc-signature') || el.classList.contains('doc-imprint')) {
      for (const part of el.children) out.push(part.textContent);
    } else out.push(el.textContent);
  }
  return out;
});

for (const file of fixtures) {
  test(`preview = DOCX: ${file}`, async () => {
    const browser = await session.browser();
    const d = await session.open(browser);
    const { page } = d;
    const draft = JSON.parse(fs.readFileSync(path.join(fixtureDir, file), 'utf8'));
    // A 版记 too, so that every kind of block is compared.
    draft.report.imprint_org ||= '某某办公室';
    draft.report.imprint_date ||= '2025-01-20';
    await d.import([{ name: file, text: JSON.stringify(draft) }]);
    await page.waitForFunction((unit) => document.querySelector('input[name="unit_name"]')?.value === unit, draft.report.unit_name);

    await page.getByRole('button', { name: '预览' }).click();
    await page.locator('article.preview table.doc-table3').waitFor();
    const shown = await previewTexts(page);

    page.on('dialog', (dialog) => dialog.accept());
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: '导出 DOCX' }).click(),
    ]);
    const xml = execFileSync('unzip', ['-p', await download.path(), 'word/document.xml'], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const exported = docxTexts(xml);
    assert.ok(exported.length > 100, `${exported.length} texts in the DOCX`);
    assert.deepEqual(shown, exported);
    assert.deepEqual(d.consoleErrors, []);
    await browser.close();
  });
}
