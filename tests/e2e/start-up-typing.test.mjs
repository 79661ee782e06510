// Keystrokes typed while the page is still starting (issue 15, start-up). With the CPU throttled
// 4× (an old office PC), a clerk clicks into the first 表三 cell the moment it appears and types a
// figure into each cell, Tab by Tab, while the start-up goes on around it (the last draft opened
// from storage, the checks, the service worker, the DOCX worker and the preview built once idle).
// Every digit must land in the cell it was typed into, none lost, and be in the report: checked,
// saved, and there again after a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileSession, collectConsoleErrors, waitForApp, waitForSaved } from './lib/harness.mjs';
import { T3_APPLICANTS } from './editor.page.mjs';

const session = fileSession();

const FIRST = `table3.new_received.${T3_APPLICANTS[0]}`;
const DIGITS = '123456789123'; // two rows of six applicants

// In the page, before any script: the moment the first cell exists, scroll it into view (in the
// next task, the earliest a click could come) and say where it is; and what had started when the
// first key went down.
const WATCH = (first) => {
  const observer = new MutationObserver(() => {
    const input = document.querySelector(`input[data-field="${first}"]`);
    if (!input) return;
    observer.disconnect();
    setTimeout(() => {
      input.scrollIntoView({ block: 'center' });
      const r = input.getBoundingClientRect();
      window.__cellAt = { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }, 0);
  });
  observer.observe(document, { childList: true, subtree: true });
  addEventListener(
    'keydown',
    () => {
      window.__firstKey ??= {
        previewBuilt: document.querySelector('article.preview') !== null,
        docxWorker: performance.getEntriesByType('resource').some((r) => r.name.includes('docx_worker')),
      };
    },
    true,
  );
};

/** Loads the app throttled and, as soon as FIRST is there, clicks it and types DIGITS, Tab between cells. */
async function typeWhileStarting(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(session.server.url, { waitUntil: 'commit' });
  const at = await (await page.waitForFunction(() => window.__cellAt, null, { timeout: 60_000, polling: 10 })).jsonValue();
  // A real click and real keys, not waiting for the page to be ready: the browser queues them.
  await page.mouse.click(at.x, at.y);
  for (const [i, digit] of [...DIGITS].entries()) {
    if (i > 0) await page.keyboard.press('Tab');
    await page.keyboard.type(digit);
  }
  const firstKey = await page.evaluate(() => window.__firstKey);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  return firstKey;
}

/** The 表三 cells Tab visits from FIRST (typed cells, not computed totals), in order. */
const tabOrder = (page) =>
  page.locator('table.grid-table3 input[data-field]').evaluateAll((els, first) => {
    const open = els.filter((e) => !e.readOnly).map((e) => e.dataset.field);
    return open.slice(open.indexOf(first));
  }, FIRST);

const values = (page) =>
  page.locator('table.grid-table3 input[data-field]').evaluateAll((els) =>
    Object.fromEntries(els.filter((e) => !e.readOnly && e.value !== '').map((e) => [e.dataset.field, e.value])));

test('digits typed while the page starts land in the cells they were typed into, and stay', async () => {
  const page = await session.browser.newPage();
  const consoleErrors = collectConsoleErrors(page);
  await page.addInitScript(WATCH, FIRST);
  const firstKey = await typeWhileStarting(page);
  // The typing began before the page had finished starting (the preview is built once idle).
  assert.equal(firstKey.previewBuilt, false, 'the first key went down after start-up had finished: this test would not test anything');

  await waitForApp(page);
  await page.locator('article.preview').waitFor({ state: 'attached', timeout: 30_000 });
  const order = (await tabOrder(page)).slice(0, DIGITS.length);
  const expected = Object.fromEntries(order.map((field, i) => [field, DIGITS[i]]));
  assert.deepEqual(await values(page), expected);
  // In the report, not only on screen: the row sums see them, and they are saved.
  const total = await page.locator(`input[data-field="table3.new_received.total"]`).inputValue();
  assert.equal(total, String([...DIGITS.slice(0, T3_APPLICANTS.length)].reduce((s, d) => s + Number(d), 0)));
  await waitForSaved(page);
  await page.reload({ waitUntil: 'load' });
  await waitForApp(page, { selector: '[data-field]' });
  assert.deepEqual(await values(page), expected);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('typed while the last draft is being reopened: the typing wins in its cells, the draft keeps the rest', async () => {
  const page = await session.browser.newPage();
  const consoleErrors = collectConsoleErrors(page);
  // The profile of the test above holds its draft; put other figures into it first.
  await page.goto(session.server.url, { waitUntil: 'load' });
  await waitForApp(page, { selector: '[data-field]' });
  const order = await tabOrder(page);
  const stored = Object.fromEntries(order.slice(0, DIGITS.length + 3).map((field) => [field, '50']));
  for (const [field, value] of Object.entries(stored)) {
    await page.locator(`input[data-field="${field}"]`).click();
    await page.keyboard.type(value);
  }
  await waitForSaved(page);

  await page.addInitScript(WATCH, FIRST);
  const firstKey = await typeWhileStarting(page);
  assert.equal(firstKey.previewBuilt, false, 'the first key went down after start-up had finished');
  await waitForApp(page);
  await page.locator('article.preview').waitFor({ state: 'attached', timeout: 30_000 });
  const expected = { ...stored, ...Object.fromEntries(order.slice(0, DIGITS.length).map((field, i) => [field, DIGITS[i]])) };
  assert.deepEqual(await values(page), expected);
  await waitForSaved(page);
  await page.reload({ waitUntil: 'load' });
  await waitForApp(page, { selector: '[data-field]' });
  assert.deepEqual(await values(page), expected);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});
