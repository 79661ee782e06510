// A clear word to browsers that cannot run the app (issue 16, docs/browser-support.md): the static
// message of index.html is what a page without WebAssembly, or without scripts at all (IE runs none
// of the app's module scripts), shows; it is gone once the app starts normally.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, openApp, collectConsoleErrors, screenshot, APP_TITLE } from './lib/harness.mjs';

const MESSAGE = '#xxgk-unsupported';
const SWITCH = '切换到“极速模式”';

let server;
before(async () => {
  server = await startServer();
});
after(async () => {
  await server?.stop();
});

/** What the message box looks like: { present, visible, text }. */
async function message(page) {
  return page.evaluate((sel) => {
    const box = document.querySelector(sel);
    if (!box) return { present: false, visible: false, text: '' };
    const style = getComputedStyle(box);
    return { present: true, visible: style.display !== 'none' && style.visibility === 'visible', text: box.innerText };
  }, MESSAGE);
}

test('without WebAssembly the page says in Chinese what to do, and loads no app', async () => {
  const browser = await launchBrowser();
  try {
    await browser.context.addInitScript(() => {
      delete window.WebAssembly;
    });
    const page = await browser.newPage();
    const errors = collectConsoleErrors(page);
    await page.goto(server.url, { waitUntil: 'load' });
    // Shown at once by the start-up script (not only after the CSS delay).
    await page.waitForFunction((sel) => document.querySelector(sel)?.classList.contains('xxgk-show'), MESSAGE, { timeout: 3000 });
    const m = await message(page);
    assert.ok(m.visible, 'the message is visible');
    assert.match(m.text, /当前浏览器无法运行本应用/);
    assert.ok(m.text.includes(SWITCH), m.text);
    assert.match(m.text, /技术信息：没有可用的 WebAssembly/);
    assert.equal(await page.locator('.app-header').count(), 0, 'no app');
    assert.equal(await page.evaluate(() => window.__xxgkTrunkStarted), false);
    // Our one message: the reason, logged once.
    assert.deepEqual(errors.map((e) => e.text.split('：')[0]), ['本浏览器无法运行本应用']);
    await screenshot(page, 'browser-support-no-wasm');
  } finally {
    await browser.close();
  }
});

test('without scripts (as in IE / 兼容模式) the static message shows by itself', async () => {
  const browser = await launchBrowser({ javaScriptEnabled: false });
  try {
    const page = await browser.newPage();
    await page.goto(server.url, { waitUntil: 'load' });
    // Hidden for the first seconds (a capable browser starts the app meanwhile), then shown by CSS
    // alone. (Locators work in Playwright's own world, which runs with the page's scripts off.)
    const box = page.locator(MESSAGE);
    assert.equal(await box.isVisible(), false, 'not at once: the app may be starting');
    const t0 = Date.now();
    while (!(await box.isVisible())) {
      assert.ok(Date.now() - t0 < 10_000, 'the message shows within 10 s');
      await page.waitForTimeout(200);
    }
    assert.ok(Date.now() - t0 > 3000, `shown after the CSS delay (${Date.now() - t0} ms)`);
    const text = await box.innerText();
    assert.ok(text.includes(SWITCH), text);
    assert.match(text, /当前浏览器无法运行本应用/);
    assert.equal(await page.title(), APP_TITLE);
  } finally {
    await browser.close();
  }
});

test('the message is hidden while the app starts and gone once it runs', async () => {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    const seen = [];
    page.on('console', (msg) => seen.push(msg.text()));
    // Record whether the message was ever visible during start-up (sampled every frame).
    await page.addInitScript((sel) => {
      window.__xxgkMessageSeen = false;
      const look = () => {
        const box = document.querySelector(sel);
        if (box && getComputedStyle(box).display !== 'none' && getComputedStyle(box).visibility === 'visible') window.__xxgkMessageSeen = true;
        if (!window.__xxgkTrunkStarted) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    }, MESSAGE);
    const { consoleErrors } = await openApp(browser, server.url, { page, selector: '[data-field]' });
    assert.equal((await message(page)).present, false, 'the message element is removed');
    assert.equal(await page.evaluate(() => window.__xxgkMessageSeen), false, 'never shown during start-up');
    assert.equal(await page.locator('.app-header h1').textContent(), APP_TITLE);
    assert.deepEqual(consoleErrors, []);
  } finally {
    await browser.close();
  }
});
