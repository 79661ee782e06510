// Browser timing of the DOCX export and the worker's size.
//
//   node bench/docx.mjs [DRAFT.json ...]     # default: the drafts in core/fixtures/; dist from $XXGK_DIST or dist/
//
// Loads the release build in Debian's Chromium, checks that the page's first load does not fetch
// the worker, waits until the app has started the worker on its own (start_worker on idle), then
// times each export the way the page does it: draft JSON posted to an already loaded worker →
// bytes back (buffer transferred) → Blob → object URL. Prints min / median / max ms over RUNS
// exports per draft, the worker's own build time, and the worker files' sizes (raw, gzip -9,
// brotli -q 11). Exits non-zero if the worker fails to answer.
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, openApp, distDir, repoRoot } from '../tests/e2e/lib/harness.mjs';
import { printWorkerSizes } from './worker-sizes.mjs';

const RUNS = 20;
const WARM_UP = 3;
const WORKER_FILES = ['docx_worker_loader.js', 'docx_worker.js', 'docx_worker_bg.wasm'];

let drafts = process.argv.slice(2);
if (drafts.length === 0) {
  const dir = path.join(repoRoot, 'core/fixtures');
  drafts = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => path.join(dir, f))
    .filter((f) => fs.readFileSync(f, 'utf8').includes('"xxgk-report/draft"')).sort();
}

function sizes() {
  printWorkerSizes(WORKER_FILES);
  const html = fs.readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const named = WORKER_FILES.filter((f) => html.includes(f));
  console.log(named.length ? `FIRST LOAD NAMES THE WORKER: ${named.join(', ')}` : 'index.html names no worker file (first load unaffected)');
}

/** In the page: one export, timed from postMessage to object URL. */
async function timeExports(page, draft, runs) {
  return page.evaluate(async ({ draft, runs }) => {
    const worker = window.__docxBenchWorker;
    const results = [];
    for (let i = 0; i < runs; i++) {
      const id = 1_000_000 + i;
      const started = performance.now();
      const reply = await new Promise((resolve) => {
        const onMessage = (event) => {
          if (event.data && event.data.id === id) {
            worker.removeEventListener('message', onMessage);
            resolve(event.data);
          }
        };
        worker.addEventListener('message', onMessage);
        worker.postMessage({ id, draft });
      });
      if (!reply.bytes) return { error: reply.error || 'no bytes' };
      const blob = new Blob([reply.bytes], { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' });
      const url = URL.createObjectURL(blob);
      const total = performance.now() - started;
      URL.revokeObjectURL(url);
      results.push({ total, worker: reply.ms, size: blob.size });
    }
    return { results };
  }, { draft, runs });
}

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { min: s[0], median: s[Math.floor(s.length / 2)], max: s[s.length - 1] };
};

const server = await startServer();
const browser = await launchBrowser();
let failed = false;
try {
  sizes();
  const { page } = await openApp(browser, server.url);
  // The app starts its own worker once idle; wait for its wasm to have been fetched.
  const loadStart = Date.now();
  // (A worker's fetches are not in the page's performance timeline: watch the context's requests.)
  const fetched = () => browser.requests.some((url) => url.endsWith('docx_worker_bg.wasm'));
  while (!fetched() && Date.now() - loadStart < 30_000) await page.waitForTimeout(50);
  if (!fetched()) throw new Error('the app did not start the DOCX worker within 30 s of mounting');
  console.log(`app fetched the worker wasm by itself, ${Date.now() - loadStart} ms after mount`);
  // A second worker for timing, so the app's own client is not disturbed.
  const ready = await page.evaluate(() => new Promise((resolve, reject) => {
    const started = performance.now();
    const worker = new Worker(new URL('docx_worker_loader.js', document.baseURI));
    worker.onerror = (e) => reject(new Error(`worker error: ${e.message}`));
    worker.onmessage = (event) => {
      if (event.data && event.data.ready) {
        window.__docxBenchWorker = worker;
        worker.onmessage = null;
        resolve(performance.now() - started);
      }
    };
  }));
  console.log(`worker ready ${ready.toFixed(0)} ms after new Worker() (cached files)\n`);
  console.log(`${'draft'.padEnd(56)} ${'min ms'.padStart(8)} ${'median'.padStart(8)} ${'max ms'.padStart(8)} ${'in worker'.padStart(9)} ${'bytes'.padStart(8)}`);
  for (const file of drafts) {
    const draft = fs.readFileSync(file, 'utf8');
    const warm = await timeExports(page, draft, WARM_UP);
    const timed = warm.error ? warm : await timeExports(page, draft, RUNS);
    const name = path.basename(file);
    if (timed.error) {
      console.log(`${name.padEnd(56)} ERROR ${timed.error}`);
      failed = true;
      continue;
    }
    const t = stats(timed.results.map((r) => r.total));
    const w = stats(timed.results.map((r) => r.worker));
    const f = (x) => x.toFixed(1).padStart(8);
    console.log(`${name.padEnd(56)} ${f(t.min)} ${f(t.median)} ${f(t.max)} ${f(w.median).padStart(9)} ${String(timed.results[0].size).padStart(8)}`);
  }
} finally {
  await browser.close();
  await server.stop();
}
process.exit(failed ? 1 : 0);
