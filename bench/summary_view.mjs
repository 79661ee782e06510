// Scale of the 汇总 page: N drafts (default 500, copies of the eight core/fixtures reports under
// their own unit names) picked at once; prints how long after the files are read the table of N
// rows is in the page (goal ≤ 1000 ms for 500), and the time to read the files.
//
//   node bench/summary_view.mjs [N]      (against dist/, or XXGK_DIST=...; trunk build --release first)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, launchBrowser, repoRoot } from '../tests/e2e/lib/harness.mjs';

const N = Number(process.argv[2] || 500);
const GOAL_MS = 1000;
const fixtures = fs.readdirSync(path.join(repoRoot, 'core/fixtures')).filter((f) => /^\d.*\.json$/.test(f)).sort()
  .map((f) => JSON.parse(fs.readFileSync(path.join(repoRoot, 'core/fixtures', f), 'utf8')));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-summary-bench-'));
const files = [];
for (let i = 0; i < N; i++) {
  const draft = structuredClone(fixtures[i % fixtures.length]);
  draft.report.unit_name = `测试县第${i + 1}单位`;
  const file = path.join(dir, `${String(i + 1).padStart(4, '0')}.json`);
  fs.writeFileSync(file, JSON.stringify(draft, null, 2));
  files.push(file);
}

const server = await startServer();
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  await page.goto(`${server.url}summary.html`, { waitUntil: 'load' });
  const pick = page.locator('[data-testid="pick"]');
  await pick.waitFor({ state: 'attached', timeout: 30_000 });
  const t0 = Date.now();
  await pick.setInputFiles(files);
  const ready = await page.waitForFunction((n) => {
    if (document.querySelectorAll('tr.unit').length !== n || window.xxgkSummaryFilesRead === undefined) return false;
    return performance.now() - window.xxgkSummaryFilesRead;
  }, N, { polling: 'raf', timeout: 120_000 });
  const tableMs = Math.round(await ready.jsonValue());
  const total = Date.now() - t0;
  const checkedMs = Math.round(await page.evaluate(() => window.xxgkSummaryFilesChecked - window.xxgkSummaryFilesRead));
  console.log(`summary page, ${N} drafts: table ready ${tableMs} ms after the files were read (goal ≤ ${GOAL_MS} ms for 500) — ${tableMs <= GOAL_MS ? 'ok' : 'OVER GOAL'}`);
  console.log(`  of which reading the drafts and checking them (core): ${checkedMs} ms, the rest building the table`);
  console.log(`  from picking the files to the table: ${total} ms (reading ${N} files included)`);
} finally {
  await browser.close();
  await server.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
