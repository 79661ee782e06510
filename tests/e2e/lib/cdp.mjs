// A minimal Chrome DevTools Protocol client for browsers too old for Playwright (Chromium 80:
// Playwright needs CDP methods it lacks). Launches the binary with --remote-debugging-port,
// opens pages and speaks CDP over a WebSocket (Node's own from Node 22; on Node 20, the `ws` that
// playwright-core exports from its utilsBundle).
//
//   const b = await launchCdp(executablePath);   const page = await b.newPage();
//   await page.goto(url); await page.eval('1 + 1');   page.console / page.errors;   await b.close();
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import utilsBundle from 'playwright-core/lib/utilsBundle';

const WebSocketImpl = globalThis.WebSocket || utilsBundle.ws;

/** Chromium 80.0.3987.0, the oldest browser the app supports (installed by scripts/install.sh). */
export const CHROMIUM80_PATH = process.env.CHROMIUM80_PATH || `${process.env.HOME}/.cache/xxgk/chromium-80.0.3987.0/chromium`;

class Session {
  constructor(url) {
    this.ws = new WebSocketImpl(url);
    this.id = 0;
    this.pending = new Map();
    this.listeners = [];
    this.ws.addEventListener('message', (ev) => {
      const msg = JSON.parse(String(ev.data));
      if (msg.id && this.pending.has(msg.id)) {
        const { resolve, reject } = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error) reject(new Error(`${msg.error.message} (${msg.error.code})`));
        else resolve(msg.result);
      } else if (msg.method) {
        for (const l of this.listeners) l(msg);
      }
    });
    this.opened = new Promise((resolve, reject) => {
      this.ws.addEventListener('open', resolve, { once: true });
      this.ws.addEventListener('error', () => reject(new Error(`cannot connect to ${url}`)), { once: true });
    });
  }
  send(method, params = {}) {
    const id = ++this.id;
    this.ws.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }
  on(fn) {
    this.listeners.push(fn);
  }
  close() {
    this.ws.close();
  }
}

class Page {
  constructor(session) {
    this.s = session;
    this.console = [];
    this.errors = [];
    session.on((msg) => {
      if (msg.method === 'Runtime.consoleAPICalled') {
        const text = msg.params.args.map((a) => a.value ?? a.description ?? '').join(' ');
        this.console.push({ type: msg.params.type, text });
      } else if (msg.method === 'Runtime.exceptionThrown') {
        const d = msg.params.exceptionDetails;
        this.errors.push(d.exception?.description || d.text);
      } else if (msg.method === 'Log.entryAdded') {
        this.console.push({ type: msg.params.entry.level, text: msg.params.entry.text });
      }
    });
  }
  async init(initScript) {
    await this.s.send('Runtime.enable');
    await this.s.send('Log.enable');
    await this.s.send('Page.enable');
    if (initScript) await this.s.send('Page.addScriptToEvaluateOnNewDocument', { source: initScript });
  }
  async goto(url) {
    const loaded = new Promise((resolve) => this.s.on((m) => m.method === 'Page.loadEventFired' && resolve()));
    await this.s.send('Page.navigate', { url });
    await loaded;
  }
  /** Evaluates an expression in the page (promises awaited) and returns its JSON value. */
  async eval(expression) {
    const r = await this.s.send('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) throw new Error(`in page: ${r.exceptionDetails.exception?.description || r.exceptionDetails.text}`);
    return r.result.value;
  }
  /** Polls an expression until it is truthy (or throws after timeout ms). */
  async waitFor(expression, timeout = 30000) {
    const t0 = Date.now();
    for (;;) {
      const v = await this.eval(expression);
      if (v) return v;
      if (Date.now() - t0 > timeout) throw new Error(`timed out waiting for ${expression}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  /** Types `text` into the focused element key by key (keyDown with the character, keyUp), as Playwright does. */
  async type(text) {
    for (const ch of text) {
      const digit = /[0-9]/.test(ch);
      const base = { key: ch, code: digit ? `Digit${ch}` : '', windowsVirtualKeyCode: ch.toUpperCase().charCodeAt(0) };
      await this.s.send('Input.dispatchKeyEvent', { type: 'keyDown', text: ch, unmodifiedText: ch, ...base });
      await this.s.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
    }
  }
  /** Presses a key without text (Enter, Tab, ...): key, code and Windows virtual key code. */
  async press(key, code = key, keyCode = { Enter: 13, Tab: 9, Escape: 27 }[key]) {
    const text = key === 'Enter' ? '\r' : undefined;
    await this.s.send('Input.dispatchKeyEvent', { type: 'keyDown', key, code, windowsVirtualKeyCode: keyCode, text });
    await this.s.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code, windowsVirtualKeyCode: keyCode });
  }
}

/**
 * Starts `executablePath` headless on a fresh profile; resolves to { proc, profile, wsUrl } once it
 * prints its DevTools URL, or rejects after `timeoutMs`, having killed what it started.
 */
function startBrowser(executablePath, args, timeoutMs) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-cdp-profile-'));
  const proc = spawn(
    executablePath,
    ['--headless', '--no-sandbox', '--disable-gpu', '--no-zygote', '--no-first-run', '--remote-debugging-port=0', `--user-data-dir=${profile}`, ...args, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let err = '';
    const fail = (why) => {
      clearTimeout(timer);
      // A browser left running keeps the test file alive until its time-out (seen in CI).
      proc.kill('SIGKILL');
      proc.stderr.destroy();
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
      reject(new Error(`${why}:\n${err}`));
    };
    const timer = setTimeout(() => fail(`no DevTools URL from ${executablePath} within ${timeoutMs / 1000} s`), timeoutMs);
    proc.stderr.on('data', (d) => {
      err += d;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        proc.off('exit', exited);
        resolve({ proc, profile, wsUrl: m[1] });
      }
    });
    const exited = (code) => fail(`${executablePath} exited (${code})`);
    proc.on('exit', exited);
    proc.on('error', (e) => fail(`${executablePath} did not start (${e.code || e.message})`));
  });
}

/** Launches `executablePath` headless with a fresh profile; returns { version, newPage(initScript), close() }. */
export async function launchCdp(executablePath, args = []) {
  let started;
  try {
    started = await startBrowser(executablePath, args, 30_000);
  } catch (first) {
    // Once in a CI run of ~110 tests a Chromium never printed its URL (it runs fine alone): the
    // start is the harness's, not the app's, so it gets one more try, and both reasons if it fails.
    console.warn(`${first.message.split('\n')[0]}; starting it again`);
    started = await startBrowser(executablePath, args, 60_000).catch((second) => {
      throw new Error(`${first.message}\nand again: ${second.message}`);
    });
  }
  const { proc, profile, wsUrl } = started;
  const browser = new Session(wsUrl);
  await browser.opened;
  const { product } = await browser.send('Browser.getVersion');
  const port = new URL(wsUrl).port;
  const sessions = [];
  return {
    version: product,
    async newPage(initScript) {
      const { targetId } = await browser.send('Target.createTarget', { url: 'about:blank' });
      const s = new Session(`ws://127.0.0.1:${port}/devtools/page/${targetId}`);
      await s.opened;
      sessions.push(s);
      const page = new Page(s);
      await page.init(initScript);
      return page;
    },
    async close() {
      for (const s of sessions) s.close();
      browser.close();
      proc.kill('SIGKILL');
      await new Promise((r) => (proc.exitCode === null ? proc.on('exit', r) : r()));
      // Chromium's child processes may go on writing into the profile after the browser
      // process is killed (ENOTEMPTY, seen in CI): a leftover temporary profile is not a test
      // failure, so removal is retried and then left to the system's temp cleanup.
      try {
        fs.rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
      } catch (e) {
        console.warn(`could not remove the temporary profile ${profile}: ${e.code}`);
      }
    },
  };
}
