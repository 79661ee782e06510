// Every .wasm of the release build is one that Chromium 80 runs (issue 16, docs/browser-support.md):
// `wasm-tools validate` with only the features Chromium 80 has, and no 64-bit integer crossing the
// JS boundary (BigInt <-> i64: Chromium 85). No browser: reads dist/ (XXGK_DIST).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { distDir } from './lib/harness.mjs';
import { functionSignatures } from './lib/wasm-sections.mjs';

/** Chromium 80's WebAssembly, in wasmparser's names: the MVP (1.0) plus these four (74, 75). */
export const CHROMIUM_80_FEATURES = 'mvp,mutable-global,sign-extension,saturating-float-to-int,bulk-memory';

function wasmFiles(dir) {
  return fs
    .readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.wasm'))
    .sort()
    .map((f) => path.join(dir, f));
}

function validate(file) {
  const r = spawnSync('wasm-tools', ['validate', `--features=${CHROMIUM_80_FEATURES}`, file], { encoding: 'utf8' });
  if (r.error) throw new Error(`wasm-tools is missing (scripts/install.sh installs it): ${r.error.message}`);
  return { ok: r.status === 0, message: (r.stderr || '').trim() };
}

test('every .wasm of the build validates with only the Chromium 80 features', () => {
  const files = wasmFiles(distDir);
  assert.ok(files.length >= 2, `the app's and the worker's wasm in ${distDir}: ${files}`);
  const failures = files.map((f) => ({ file: path.relative(distDir, f), ...validate(f) })).filter((r) => !r.ok);
  assert.deepEqual(failures, [], 'a wasm needs a feature newer than Chromium 80 (.cargo/config.toml)');
});

test('no imported or exported function of any .wasm passes a 64-bit integer to JS', () => {
  const crossings = [];
  for (const f of wasmFiles(distDir)) {
    const { imports, exports } = functionSignatures(fs.readFileSync(f));
    // A chunk of the split main wasm (docs/first-load.md) may have neither: it is reached through
    // the shared function table. Every other wasm is one wasm-bindgen made.
    if (!/^xxgk-(chunk|split)-/.test(path.basename(f))) assert.ok(imports.length > 0 && exports.length > 0, `${f} has wasm-bindgen imports and exports`);
    for (const fn of [...imports.map((i) => ({ ...i, name: `import ${i.module}.${i.name}` })), ...exports.map((e) => ({ ...e, name: `export ${e.name}` }))]) {
      if ([...fn.params, ...fn.results].includes('i64')) crossings.push(`${path.relative(distDir, f)}: ${fn.name}(${fn.params}) -> ${fn.results}`);
    }
  }
  assert.deepEqual(crossings, [], 'JS BigInt <-> wasm i64 needs Chromium 85: pass 64-bit values as f64 or two i32');
});

test('the check fails on a module that uses a newer feature', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xxgk-wasm-check-'));
  try {
    const header = [0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0];
    const samples = {
      // (type (func (result i32 i32))): multi-value, Chromium 85
      'multi-value': [...header, 1, 6, 1, 0x60, 0, 2, 0x7f, 0x7f],
      // (type (func (param externref))): reference types, Chromium 96
      'reference types': [...header, 1, 5, 1, 0x60, 1, 0x6f, 0],
    };
    for (const [feature, bytes] of Object.entries(samples)) {
      const file = path.join(dir, 'sample.wasm');
      fs.writeFileSync(file, Uint8Array.from(bytes));
      const r = validate(file);
      assert.equal(r.ok, false, `${feature} must fail the check`);
      assert.match(r.message, feature === 'multi-value' ? /multi-value/ : /reference types/);
    }
    // And passes on a module with just the four post-MVP features (pwa/boot.js's probe).
    const boot = fs.readFileSync(new URL('../../pwa/boot.js', import.meta.url), 'utf8');
    const probe = JSON.parse(`[${/const PROBE = new Uint8Array\(\[([\d,\s]+)\]\)/.exec(boot)[1].replace(/,\s*$/, '')}]`);
    const file = path.join(dir, 'probe.wasm');
    fs.writeFileSync(file, Uint8Array.from(probe));
    assert.deepEqual(validate(file), { ok: true, message: '' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
