// Page object for the drafts tests (tests/e2e/drafts-*.test.mjs): storage, the drafts bar,
// import and export, as a clerk uses them.
import fs from 'node:fs';
import { appSession, collectConsoleErrors, waitForApp } from './lib/harness.mjs';

// The real reports as draft files (core/fixtures), shared with the editor page object.
export { REPORTS, report, draftFile, T3_COLUMNS } from './lib/fixtures.mjs';

export const DRAFT_PREFIX = 'xxgk-report:draft:';
export const BACKUP_PREFIX = 'xxgk-report:backup:';

/** One server for the file; each `browser()` is a fresh profile (empty storage). */
export function draftsSession() {
  const session = appSession();
  return {
    start: () => session.start(),
    stop: () => session.stop(),
    browser: () => session.browser(),
    get url() {
      return session.url;
    },
    /** A new page of `browser` with the app loaded. */
    async open(browser) {
      const { page, consoleErrors } = await session.open(browser);
      return new Drafts(page, consoleErrors);
    },
  };
}

export class Drafts {
  constructor(page, consoleErrors = collectConsoleErrors(page)) {
    this.page = page;
    this.consoleErrors = consoleErrors;
  }

  cell(path) {
    return this.page.locator(`input[data-field="${path}"]`);
  }

  field(name) {
    return this.page.locator(`[name="${name}"]`);
  }

  status() {
    return this.page.getByTestId('save-status');
  }

  async statusText() {
    return (await this.status().textContent()).trim();
  }

  /** Waits until the status line says 「已保存 hh:mm:ss」. */
  async saved() {
    await this.page.waitForFunction(
      () => /^已保存 \d\d:\d\d:\d\d$/.test(document.querySelector('[data-testid="save-status"]')?.textContent.trim()),
      null,
      { timeout: 5000 },
    );
  }

  /** Click a cell and type `text` into it (focus selects the old content, so it is replaced). */
  async typeInto(path, text) {
    await this.cell(path).click();
    await this.page.keyboard.type(text);
  }

  /** Click a text field or area and type `text` at its end. */
  async typeText(name, text) {
    await this.field(name).click();
    await this.page.keyboard.press('Control+End');
    await this.page.keyboard.type(text);
  }

  async reload() {
    await this.page.reload({ waitUntil: 'load' });
    await waitForApp(this.page, { selector: '[data-field]' });
  }

  /** Every stored draft record: [{ key, record }] with `record` parsed (raw text when it does not parse). */
  async stored() {
    return this.page.evaluate((prefix) => Object.keys(localStorage)
      .filter((k) => k.startsWith(prefix))
      .map((key) => {
        const raw = localStorage.getItem(key);
        try {
          return { key, raw, record: JSON.parse(raw) };
        } catch {
          return { key, raw, record: null };
        }
      }), DRAFT_PREFIX);
  }

  async storageItem(key) {
    return this.page.evaluate((k) => localStorage.getItem(k), key);
  }

  /** Clicks `button` (a locator) and returns the download: { name, text }. */
  async download(button) {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    const file = await download.path();
    return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
  }

  /** 「导出草稿文件」 in the drafts bar. */
  async export() {
    return this.download(this.page.locator('.drafts-bar').getByRole('button', { name: '导出草稿文件' }));
  }

  /** Picks `files` ([{ name, text }]) in the import file picker. */
  async import(files) {
    await this.page.getByTestId('import-input').setInputFiles(
      files.map(({ name, text, mimeType = 'application/json' }) => ({ name, mimeType, buffer: Buffer.from(text) })),
    );
    await this.page.getByTestId('import-results').getByRole('heading', { name: '导入结果' }).waitFor();
  }

  /** The lines of the import results: [{ text, summary }]. */
  async importLines() {
    return this.page.getByTestId('import-line').evaluateAll((els) => els.map((e) => ({
      text: e.textContent.trim(),
      summary: e.querySelector('[data-testid="import-summary"]')?.textContent.trim() ?? null,
    })));
  }

  async openList() {
    await this.page.locator('.drafts-bar').getByRole('button', { name: /^草稿列表/ }).click();
    // The dialog is loaded on demand (src/components/lazy_view.rs): wait for it to be shown.
    const list = this.page.getByTestId('drafts-list');
    await list.waitFor({ timeout: 15_000 });
    return list;
  }

  /** Ids of the checks in `status`, sorted (folded groups of the checks panel are opened first). */
  async checks(status = 'fail') {
    await this.page.locator('#checks details').evaluateAll(async (groups) => {
      groups.forEach((g) => { g.open = true; });
      // Folded groups may render their list on the (asynchronous) toggle event.
      await new Promise((r) => setTimeout(r, 50));
      await new Promise(requestAnimationFrame);
    });
    const ids = await this.page.locator(`[data-check][data-status="${status}"]`).evaluateAll((els) => els.map((e) => e.dataset.check));
    return ids.sort();
  }
}
