// Page object for the editor tests (tests/e2e/editor-*.test.mjs): opens the app in a fresh
// browser profile and drives it the way a clerk does, by the keyboard.
import { appSession } from './lib/harness.mjs';

// The real reports (core/fixtures) and the format's keys, shared with the drafts page object.
export { REPORTS, report, T3_APPLICANTS, T3_COLUMNS } from './lib/fixtures.mjs';

/** One server for the file; a fresh browser profile (empty storage) per `open()`. */
export function editorSession() {
  const session = appSession();
  return {
    start: () => session.start(),
    stop: () => session.stop(),
    get url() {
      return session.url;
    },
    async open() {
      const { page, consoleErrors } = await session.open(await session.browser());
      return new Editor(page, consoleErrors);
    },
  };
}

export class Editor {
  constructor(page, consoleErrors) {
    this.page = page;
    this.consoleErrors = consoleErrors;
  }

  cell(path) {
    return this.page.locator(`input[data-field="${path}"]`);
  }

  async focused() {
    return this.page.evaluate(() => document.activeElement?.dataset?.field ?? null);
  }

  async badge() {
    return (await this.page.locator('.badge').textContent()).trim();
  }

  /**
   * Wait (up to 10 s) for the badge to read `text`, as a user pausing after typing sees it: the
   * text checks run 300 ms after typing stops, so right after a burst of keystrokes the badge may
   * not have them yet. The caller then asserts on badge(), which reports what it does read.
   */
  async waitForBadge(text) {
    await this.page
      .waitForFunction((t) => document.querySelector('.badge')?.textContent.trim() === t, text, { timeout: 10_000 })
      .catch(() => {});
  }

  /** Ids of the checks in the given status, sorted. */
  async checks(status = 'fail') {
    const ids = await this.page.locator(`[data-check][data-status="${status}"]`).evaluateAll((els) => els.map((e) => e.dataset.check));
    return ids.sort();
  }

  /** Unfold the list of passed checks (rendered only while open). */
  async showPassed() {
    await this.unfold('passed-group', 'pass');
  }

  /** Unfold the list of checks waiting for blank cells (rendered only while open). */
  async showPending() {
    await this.unfold('pending-group', 'cannot_judge');
  }

  async unfold(group, status) {
    const fold = this.page.locator(`details.${group}`);
    if (!(await fold.evaluate((d) => d.open))) await fold.locator('summary').click();
    await fold.locator(`[data-status="${status}"]`).first().waitFor();
  }

  /** Paths of the cells highlighted with `mark` ('error' or 'warning'), sorted. */
  async marked(mark = 'error') {
    const paths = await this.page.locator(`td.mark-${mark} input[data-field]`).evaluateAll((els) => els.map((e) => e.dataset.field));
    return paths.sort();
  }

  /** Click a cell, type `text` (replacing its content, as focus selects it). */
  async typeInto(path, text) {
    await this.cell(path).click();
    await this.page.keyboard.type(text);
  }

  /** Type into a text field or text area (by name) as an input method commits text. */
  async typeText(name, text) {
    await this.page.locator(`[name="${name}"]`).click();
    await this.page.keyboard.insertText(text);
  }

  async setAutoTotals(on) {
    const box = this.page.locator('input[name="auto_totals"]');
    if ((await box.isChecked()) !== on) await box.click();
  }

  async selectYear(year) {
    await this.page.locator('select[name="year"]').selectOption(String(year));
  }

  /** Paste `text` into the focused cell, as Excel/WPS put it on the clipboard. */
  async paste(text) {
    await this.page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      const ev = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      document.activeElement.dispatchEvent(ev);
    }, text);
  }

  async notice() {
    return (await this.page.locator('.notice-text').textContent())?.trim();
  }

  async undo() {
    await this.page.keyboard.press('Control+z');
  }

  async redo() {
    await this.page.keyboard.press('Control+y');
  }

  /**
   * Fill a converted report through the keyboard: the details, the narratives, then every table
   * row by row from its first cell with Tab (which passes over computed totals when they are on).
   */
  async fill(r, { autoTotals = true } = {}) {
    const { page } = this;
    await this.setAutoTotals(autoTotals);
    await this.selectYear(r.year);
    await this.typeText('unit_name', r.unit_name);
    await page.locator('select[name="unit_level"]').selectOption(r.unit_level);
    for (const [name, text] of Object.entries(r.text)) await this.typeText(name, text);
    // Tab order inside each table is reading order; skip what Tab skips (computed totals).
    const order = await page.locator('input[data-field]').evaluateAll((els) =>
      els.filter((e) => !e.readOnly).map((e) => e.dataset.field));
    let previousTable = null;
    for (const field of order) {
      const table = field.split('.')[0];
      if (table !== previousTable) {
        await this.cell(field).click();
        previousTable = table;
      } else {
        await page.keyboard.press('Tab');
      }
      const at = await this.focused();
      if (at !== field) throw new Error(`Tab reached ${at}, expected ${field}`);
      const value = r.cells[field];
      if (value !== undefined) await page.keyboard.type(value);
    }
    await page.keyboard.press('Tab');
  }
}
