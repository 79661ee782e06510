// Browser timing of importing last year's report in the import worker (reader, then recogniser:
// bytes or pasted text → the draft and its import report), and the worker's size.
//
//   node bench/import.mjs [FILTER]   # the published pages and their .docx in core/fixtures/published/
//                                    # (those whose name contains FILTER); dist from $XXGK_DIST or dist/
//
// Loads the release build in Debian's Chromium, checks that the first load does not fetch the import
// worker, starts it as the page does (import_worker_loader.js), and once it has loaded times each
// input the way the page sends it: a file's bytes, or a paste (a page's text/html; the copied
// text/plain of *.copied.txt) posted → the draft and the import report back → the draft parsed. Prints min /
// median / max ms over RUNS reads per file beside the goal (one report ≤ 50 ms once the reader is
// loaded), the median of the time the worker itself took (its reply's `ms`: reading, recognising,
// the draft's JSON; the rest is messaging and the page parsing the draft), and the worker files' sizes. Exits non-zero if the worker fails or a median misses the goal.
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, openApp, distDir, repoRoot } from '../tests/e2e/lib/harness.mjs';
import { printWorkerSizes } from './worker-sizes.mjs';

const RUNS = 15;
const WARM_UP = 3;
const GOAL_MS = 50;
const WORKER_FILES = ['import_worker_loader.js', 'import_worker.js', 'import_worker_bg.wasm'];
const dir = path.join(repoRoot, 'core/fixtures/published');
const filter = process.argv[2] ?? '';
const inputs = fs.readdirSync(dir).filter((f) => /^\d\d_.*\.(html|docx|copied\.txt)$/.test(f) && f.includes(filter)).sort();

const server = await startServer();
const browser = await launchBrowser();
let failed = false;
try {
  const { page } = await openApp(browser, server.url);
  await page.waitForTimeout(3000);
  // What the page itself loaded (the service worker precaches the worker for offline use).
  const early = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('import_worker')));
  console.log(early.length ? `FIRST LOAD FETCHED THE WORKER: ${early.join(', ')}` : 'first load: the page does not load the import worker');
  failed ||= early.length > 0;
  await page.evaluate(async () => {
    const worker = new Worker('import_worker_loader.js');
    await new Promise((resolve, reject) => {
      worker.onmessage = (e) => e.data.ready && resolve();
      worker.onerror = reject;
    });
    window.__importWorker = worker;
  });
  console.log(`${'file'.padEnd(58)} ${'min'.padStart(6)} ${'median'.padStart(6)} ${'max'.padStart(6)} ${'worker'.padStart(6)}  goal`);
  for (const name of inputs) {
    const file = fs.readFileSync(path.join(dir, name));
    // .docx and saved pages as files; the copied text as a paste without text/html.
    const pasted = name.endsWith('.copied.txt') ? file.toString('utf8') : null;
    const bytes = pasted === null ? [...file] : [];
    const runs = await page.evaluate(async ({ name, bytes, pasted, runs, warmUp }) => {
      const data = new Uint8Array(bytes);
      const once = (id) => new Promise((resolve, reject) => {
        const started = performance.now();
        window.__importWorker.onmessage = (e) => {
          if (e.data.error) return reject(new Error(`${name}: ${e.data.error}`));
          JSON.parse(e.data.draft);
          if (!e.data.report.includes('年度：')) return reject(new Error(`${name}: no import report`));
          resolve([performance.now() - started, e.data.ms]);
        };
        window.__importWorker.postMessage(pasted === null ? { id, name, bytes: data } : { id, html: '', text: pasted });
      });
      const out = [];
      for (let i = 0; i < runs + warmUp; i++) {
        const ms = await once(i);
        if (i >= warmUp) out.push(ms);
      }
      return out;
    }, { name, bytes, pasted, runs: RUNS, warmUp: WARM_UP });
    const mid = (list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)];
    const inWorker = mid(runs.map(([, ms]) => ms));
    const times = runs.map(([ms]) => ms).sort((a, b) => a - b);
    const median = mid(times);
    const ok = median <= GOAL_MS;
    failed ||= !ok;
    const f = (x) => x.toFixed(1).padStart(6);
    console.log(`${name.padEnd(58)} ${f(times[0])} ${f(median)} ${f(times.at(-1))} ${f(inWorker)}  ≤ ${GOAL_MS} ms ${ok ? 'ok' : 'MISSED'}`);
  }
} catch (e) {
  console.error(e);
  failed = true;
} finally {
  await browser.close();
  await server.stop();
}

printWorkerSizes(WORKER_FILES);
process.exit(failed ? 1 : 0);
