// Page steps shared by the 汇总 tests (tests/e2e/summary*.test.mjs).
import { collectConsoleErrors, waitForApp } from './lib/harness.mjs';

/**
 * On the 汇总 page with the eight fixture drafts read: makes the 本级 summary draft
 * 平潭综合实验区（汇总） for 2023, opens it in the editor (a new tab of `context`) and returns
 * the 「已汇总」 notice, the editor's page once its grid shows the summed 新收 total, and its
 * console errors.
 */
export async function makeSummaryAndOpenIt(page, context) {
  await page.getByLabel('机关名称：').fill('平潭综合实验区（汇总）');
  await page.getByLabel('年度：').fill('2023');
  await page.getByRole('button', { name: '生成汇总报告' }).click();
  const made = page.locator('[data-testid="made"]');
  await made.getByText('已汇总 8 份报告').waitFor();
  const [editor] = await Promise.all([
    context.waitForEvent('page'),
    made.getByRole('button', { name: '在编辑器中打开汇总报告' }).click(),
  ]);
  const editorErrors = collectConsoleErrors(editor);
  await editor.waitForLoadState('load');
  await waitForApp(editor, { selector: '[data-field]' });
  await editor.waitForFunction(() => document.querySelector('input[data-field="table3.new_received.total"]')?.value === '3317');
  return { made, editor, editorErrors };
}

/** Opens the 汇总 page in a new page of `browser`; returns it, its console errors and its file picker. */
export async function openSummaryPage(browser, url) {
  const page = await browser.newPage();
  const consoleErrors = collectConsoleErrors(page);
  await page.goto(`${url}summary.html`, { waitUntil: 'load' });
  const pick = page.locator('[data-testid="pick"]');
  await pick.waitFor({ state: 'attached', timeout: 30_000 });
  return { page, consoleErrors, pick };
}
