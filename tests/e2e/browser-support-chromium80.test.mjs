// The app in the oldest Chromium it supports (issue 16, docs/browser-support.md): Chromium
// 80.0.3987.0, installed by scripts/install.sh (CHROMIUM80_PATH), driven through a small CDP client
// (tests/e2e/lib/cdp.mjs: Playwright needs a newer browser). The same keystrokes give the same
// checks as in today's Chromium, and a part of the app loaded on demand (the drafts dialog, a chunk
// of the split wasm) comes in; without WebAssembly the message shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { startServer, CHROMIUM_PATH } from './lib/harness.mjs';
import { launchCdp, CHROMIUM80_PATH } from './lib/cdp.mjs';
import { report } from './lib/fixtures.mjs';
/** What Chromium 80 says about the CSP's 'wasm-unsafe-eval', which it does not know (harmless: it is ignored). */
const UNKNOWN_WASM_SOURCE = "contains an invalid source: ''wasm-unsafe-eval''";

let server;
before(async () => {
  assert.ok(fs.existsSync(CHROMIUM80_PATH), `no Chromium 80 at ${CHROMIUM80_PATH}: run scripts/install.sh`);
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

const STARTED = `window.__xxgkTrunkStarted = false;
addEventListener('TrunkApplicationStarted', () => { window.__xxgkTrunkStarted = true; });`;

/** Opens the app in `executablePath`; returns { browser, page } once the grid is there. */
async function openIn(executablePath, initScript = '') {
  const browser = await launchCdp(executablePath, ['--lang=zh-CN', '--window-size=1280,900']);
  const page = await browser.newPage(`${STARTED};\n${initScript}`);
  await page.goto(server.url);
  return { browser, page };
}

/** The published 平潭综合实验区 2021 report's figures (core/fixtures, through tests/e2e/lib/fixtures.mjs). */
const REPORT = report('01_');

/** Types the report's figures into the grid's input cells as a clerk does, then reads what the app shows. */
async function typeAndJudge(page) {
  const inputs = await page.eval('[...document.querySelectorAll("input[data-field]")].filter((e) => !e.readOnly).map((e) => e.dataset.field)');
  let typed = 0;
  for (const [field, value] of Object.entries(REPORT.cells)) {
    if (!inputs.includes(field)) continue;
    await page.eval(`document.querySelector('input[data-field="${field}"]').focus()`);
    await page.type(value);
    await page.press('Enter');
    typed++;
  }
  await new Promise((r) => setTimeout(r, 500));
  return page.eval(`({
    typed: ${typed},
    badge: document.querySelector('.badge').textContent.trim(),
    statuses: [...document.querySelectorAll('[data-check]')].map((e) => e.dataset.check + '=' + e.dataset.status).sort(),
    cells: [...document.querySelectorAll('input[data-field]')].map((e) => e.dataset.field + '=' + e.value),
  })`);
}

const errorsOf = (page) => [
  ...page.errors,
  ...page.console.filter((m) => m.type === 'error' && !m.text.includes(UNKNOWN_WASM_SOURCE)).map((m) => m.text),
];

test('Chromium 80 runs the app: it starts, a typed report is checked as in today\'s Chromium, the drafts dialog loads on demand', async () => {
  const results = {};
  for (const [name, exe] of [['80', CHROMIUM80_PATH], ['current', CHROMIUM_PATH]]) {
    const { browser, page } = await openIn(exe);
    try {
      if (name === '80') assert.match(browser.version, /^HeadlessChrome\/80\./);
      await page.waitFor('window.__xxgkTrunkStarted === true && document.querySelector("input[data-field]") !== null', 60_000);
      assert.equal(await page.eval('document.getElementById("xxgk-unsupported")'), null, 'the message is gone');
      assert.equal(await page.eval('document.querySelector(".app-header h1").textContent'), '政府信息公开工作年度报告编制');
      // Chromium 80 cannot compile wasm under the page's CSP: the compile worker did it.
      const viaWorker = await page.eval('performance.getEntriesByType("resource").some((e) => /xxgk-compile-[0-9a-f]+\\.js$/.test(e.name))');
      assert.equal(viaWorker, name === '80', `compiled in a worker: ${viaWorker}`);
      const blank = await page.eval('document.querySelector(".badge").textContent.trim()');
      const typed = await typeAndJudge(page);
      // The drafts dialog is a chunk of the split wasm, fetched on demand (docs/first-load.md); in
      // Chromium 80 it is compiled in the compile worker too (pwa/split-fetch.js).
      await page.eval('[...document.querySelectorAll(".drafts-bar button")].find((b) => b.textContent.startsWith("草稿列表")).click()');
      await page.waitFor('document.querySelector("[data-testid=drafts-list] .drafts-table tbody tr") !== null', 30_000);
      // Today's Chromium fetches the chunk on the page; Chromium 80's compile worker fetches it there.
      const onPage = await page.eval('performance.getEntriesByType("resource").some((e) => /xxgk-split-drafts-list-[0-9a-f]+\\.wasm$/.test(e.name))');
      assert.equal(onPage, name !== '80', `the drafts dialog's chunk fetched on the page: ${onPage}`);
      assert.equal(await page.eval('typeof self.xxgkCompileWasm'), name === '80' ? 'function' : 'undefined');
      const rows = await page.eval('document.querySelectorAll("[data-testid=drafts-list] .drafts-table tbody tr").length');
      results[name] = { blank, typed, rows, flexGap: await page.eval('!document.documentElement.classList.contains("no-flex-gap")') };
      assert.deepEqual(errorsOf(page), [], `no errors in Chromium ${name}`);
    } finally {
      await browser.close();
    }
  }
  const c80 = results['80'];
  assert.ok(c80.typed.typed > 100, `typed ${c80.typed.typed} figures`);
  assert.equal(c80.blank, '45 项待填');
  assert.notEqual(c80.typed.badge, c80.blank, `the checks judged the typed figures: ${c80.typed.badge}`);
  assert.deepEqual({ ...c80, flexGap: null }, { ...results.current, flexGap: null });
  // Flex `gap` arrived in Chromium 84: the fallback class is set in 80 only.
  assert.deepEqual([results['80'].flexGap, results.current.flexGap], [false, true]);
});

test('Chromium 80 without WebAssembly shows the message in Chinese and starts nothing', async () => {
  const { browser, page } = await openIn(CHROMIUM80_PATH, 'delete window.WebAssembly;');
  try {
    await page.waitFor('document.getElementById("xxgk-unsupported").classList.contains("xxgk-show")', 10_000);
    const text = await page.eval('document.getElementById("xxgk-unsupported").innerText');
    assert.match(text, /当前浏览器无法运行本应用/);
    assert.match(text, /切换到“极速模式”/);
    assert.equal(await page.eval('getComputedStyle(document.getElementById("xxgk-unsupported")).visibility'), 'visible');
    assert.equal(await page.eval('document.querySelector(".app-header")'), null);
  } finally {
    await browser.close();
  }
});
