// The first-load budget (issue 15): bench/size.sh fails when what index.html loads, brotli-compressed,
// is over bench/first-load-budget.txt. No browser: this runs bench/size.sh on copies of a build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { repoRoot, distDir } from './lib/harness.mjs';

const BUDGET_FILE = path.join(repoRoot, 'bench/first-load-budget.txt');

function sizeSh(dist, budgetFile) {
  const r = spawnSync('bash', ['bench/size.sh', '--no-build', '--dist', dist, '--budget', budgetFile], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  const verdict = /^first-load budget: .*$/m.exec(r.stdout)?.[0];
  const total = Number(/^first-load total: \d+ bytes raw, (\d+) bytes brotli/m.exec(r.stdout)?.[1]);
  return { status: r.status, verdict, total, output: r.stdout + r.stderr };
}

function tmpDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-size-'));
}

/** A budget file like the committed one: comments and one number. */
function writeBudget(dir, bytes) {
  const f = path.join(dir, 'budget.txt');
  fs.writeFileSync(f, `# test budget\n${bytes}\n`);
  return f;
}

test('the committed budget file holds one number of bytes and names the 150 KB goal', () => {
  const lines = fs.readFileSync(BUDGET_FILE, 'utf8').split('\n');
  const values = lines.filter((l) => l.trim() && !l.trim().startsWith('#'));
  assert.equal(values.length, 1, `one value line in ${BUDGET_FILE}`);
  assert.match(values[0], /^\d+$/);
  assert.ok(Number(values[0]) > 100_000 && Number(values[0]) < 400_000, `a plausible brotli total: ${values[0]}`);
  assert.match(lines.filter((l) => l.startsWith('#')).join('\n'), /150 KB/);
});

test('a first load one byte over the budget fails the check, at the budget it passes', () => {
  const dir = tmpDir();
  try {
    const dist = path.join(dir, 'dist');
    fs.mkdirSync(dist);
    // Random bytes do not compress: the brotli total grows with the file.
    fs.writeFileSync(path.join(dist, 'app-0123456789abcdef_bg.wasm'), crypto.randomBytes(20_000));
    fs.writeFileSync(path.join(dist, 'later.wasm'), crypto.randomBytes(50_000));
    fs.writeFileSync(
      path.join(dist, 'index.html'),
      '<!DOCTYPE html><html><head><link rel="preload" href="./app-0123456789abcdef_bg.wasm?x=1" /></head><body></body></html>\n',
    );
    const probe = sizeSh(dist, writeBudget(dir, 1_000_000));
    assert.equal(probe.status, 0, probe.output);
    assert.match(probe.verdict, /^first-load budget: PASS/);
    // Only what index.html names counts (not later.wasm).
    assert.ok(probe.total > 20_000 && probe.total < 21_000, probe.output);

    const atBudget = sizeSh(dist, writeBudget(dir, probe.total));
    assert.equal(atBudget.status, 0, atBudget.output);
    assert.match(atBudget.verdict, /^first-load budget: PASS/);

    const over = sizeSh(dist, writeBudget(dir, probe.total - 1));
    assert.equal(over.status, 1, over.output);
    assert.match(over.verdict, new RegExp(`^first-load budget: FAIL \\(${probe.total} bytes brotli is over`));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the release build grown past the committed budget fails the check', () => {
  assert.ok(fs.existsSync(path.join(distDir, 'index.html')), `no build in ${distDir}: run trunk build --release`);
  const dir = tmpDir();
  try {
    const dist = path.join(dir, 'dist');
    fs.cpSync(distDir, dist, { recursive: true });
    // What index.html does not name does not count: leave the big worker wasm out (brotli -q 11 is slow).
    const named = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
    for (const f of fs.readdirSync(dist)) if (f.endsWith('.wasm') && !named.includes(f)) fs.rmSync(path.join(dist, f));
    const budget = Number(fs.readFileSync(BUDGET_FILE, 'utf8').split('\n').find((l) => /^\d+$/.test(l.trim())));
    const now = sizeSh(dist, BUDGET_FILE);
    assert.equal(now.status, 0, `today's build is within the committed budget:\n${now.output}`);
    // The same page loading one more script, just big enough to cross the budget.
    fs.writeFileSync(path.join(dist, 'extra-0123456789abcdef.js'), crypto.randomBytes(budget - now.total + 64));
    const index = path.join(dist, 'index.html');
    fs.writeFileSync(
      index,
      fs.readFileSync(index, 'utf8').replace('</head>', '<script type="module" src="./extra-0123456789abcdef.js"></script>\n</head>'),
    );
    const grown = sizeSh(dist, BUDGET_FILE);
    assert.equal(grown.status, 1, grown.output);
    assert.match(grown.verdict, /^first-load budget: FAIL/);
    assert.ok(grown.total > budget);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
