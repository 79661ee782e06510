// What the build uses of CSS and JS, against the lists in docs/browser-support.md (issue 16):
//   - every CSS property, pseudo-class, at-rule and function of dist/'s style sheets is listed there
//     with its minimum Chromium; Chromium 80 itself rejects exactly the listed ones above 80 (each with
//     its fallback written down), and every flex container with a gap has its fallback in compat.css;
//   - every JS built-in the build names that Chromium 80 lacks (the names today's Chromium has and
//     Chromium 80 does not, read from both browsers) is listed there, with its check and fallback;
//   - every JS file of the build parses in Chromium 80.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, distDir, repoRoot, CHROMIUM_PATH } from './lib/harness.mjs';
import { launchCdp, CHROMIUM80_PATH } from './lib/cdp.mjs';
import { filesOf, parseCss, cssFeatures, docTable, jsIdentifiers, BUILTIN_NAMES } from './lib/inventory.mjs';

const DOC = fs.readFileSync(path.join(repoRoot, 'docs/browser-support.md'), 'utf8');
const CSS_DOC = docTable(DOC, 'CSS');
const JS_DOC = docTable(DOC, 'JavaScript built-ins newer than Chromium 80');
const sheets = filesOf(distDir, '.css').map((f) => ({ file: path.relative(distDir, f), ...parseCss(fs.readFileSync(f, 'utf8')) }));
const scripts = filesOf(distDir, '.js').map((f) => ({ file: path.relative(distDir, f), code: fs.readFileSync(f, 'utf8') }));

let server;
let c80;
let c80page;
before(async () => {
  server = await startServer();
  c80 = await launchCdp(CHROMIUM80_PATH);
  c80page = await c80.newPage();
  await c80page.goto(`${server.url}sw.js`);
});
after(async () => {
  await c80?.close();
  await server?.stop();
});

test('the build has style sheets and scripts to look at', (t) => {
  assert.ok(sheets.length >= 4, sheets.map((s) => s.file).join(', '));
  assert.ok(scripts.length >= 4, scripts.map((s) => s.file).join(', '));
  const used = new Set(sheets.flatMap((s) => [...cssFeatures(s)]));
  t.diagnostic(`CSS used (${used.size}): ${[...used].sort().join(' ')}`);
});

test('every CSS feature the build uses is listed in docs/browser-support.md', () => {
  const listed = new Set(CSS_DOC.map((r) => r.name));
  const missing = [];
  for (const sheet of sheets) for (const f of cssFeatures(sheet)) if (!listed.has(f)) missing.push(`${sheet.file}: ${f}`);
  assert.deepEqual(missing, [], 'add a row (minimum Chromium, and the fallback if above 80) to the CSS table');
  for (const row of CSS_DOC) {
    assert.ok(Number.isInteger(row.minimum), `a minimum Chromium version for ${row.name}`);
    if (row.minimum > 80) assert.match(row.note, /\S{4}/, `${row.name} (Chromium ${row.minimum}) needs its fallback written down`);
  }
});

test('Chromium 80 rejects exactly the CSS the docs list above 80', async () => {
  const decls = [];
  const selectors = [];
  for (const sheet of sheets) {
    for (const rule of sheet.rules) {
      if (rule.context.some((c) => c.startsWith('@keyframes')) || rule.selector.startsWith('@')) continue;
      selectors.push(rule.selector);
      for (const d of rule.decls) decls.push(d);
    }
  }
  const verdict = await c80page.eval(`(() => {
    const decls = ${JSON.stringify(decls)};
    const selectors = ${JSON.stringify(selectors)};
    const badProps = decls.filter((d) => !CSS.supports(d.property, d.value)).map((d) => d.property + ': ' + d.value);
    const badSelectors = selectors.filter((s) => { try { document.querySelector(s); return false; } catch (e) { return true; } });
    return { badProps, badSelectors };
  })()`);
  const above80 = new Set(CSS_DOC.filter((r) => r.minimum > 80).map((r) => r.name));
  const explained = (feature) => above80.has(feature);
  const unexplained = [
    ...verdict.badProps.filter((d) => !explained(d.split(':')[0]) && ![...d.matchAll(/\b([a-z][\w-]*)\(/g)].some((m) => explained(`${m[1]}()`))),
    ...verdict.badSelectors.filter((s) => ![...s.matchAll(/::?[\w-]+(\()?/g)].some((m) => explained(m[0] + (m[1] ? ')' : '')))),
  ];
  assert.deepEqual(unexplained, [], 'Chromium 80 rejects these, yet docs/browser-support.md says 80 or older');
  // And the other way round: what the docs say is newer than 80 is indeed rejected by it
  // (except `gap`, which Chromium 80 has for grid but not for flex: checked below).
  const rejected = new Set([
    ...verdict.badProps.map((d) => d.split(':')[0]),
    ...verdict.badProps.flatMap((d) => [...d.matchAll(/\b([a-z][\w-]*)\(/g)].map((m) => `${m[1]}()`)),
    ...verdict.badSelectors.flatMap((s) => [...s.matchAll(/::?[\w-]+(\()?/g)].map((m) => m[0] + (m[1] ? ')' : ''))),
  ]);
  const used = new Set(sheets.flatMap((s) => [...cssFeatures(s)]));
  const wrong = [...above80].filter((f) => used.has(f) && !rejected.has(f) && f !== 'gap' && !f.startsWith('@'));
  assert.deepEqual(wrong, [], 'listed as newer than Chromium 80, yet Chromium 80 accepts them');
});

test('every flex container with a gap has its no-flex-gap fallback (style/compat.css)', () => {
  const compat = sheets.flatMap((s) => s.rules).map((r) => r.selector).filter((s) => s.includes('.no-flex-gap'));
  const missing = [];
  for (const sheet of sheets) {
    for (const rule of sheet.rules) {
      const flex = rule.decls.some((d) => d.property === 'display' && /\b(inline-)?flex\b/.test(d.value));
      const gap = rule.decls.some((d) => /^(gap|row-gap|column-gap)$/.test(d.property));
      if (!flex || !gap) continue;
      for (const sel of rule.selector.split(',').map((s) => s.trim())) {
        if (!compat.some((c) => c.startsWith(`.no-flex-gap ${sel} >`))) missing.push(`${sheet.file}: ${sel}`);
      }
    }
  }
  assert.deepEqual(missing, [], 'Chromium < 84 has no gap in flex layout: add `.no-flex-gap <container> > * + * { margin-… }` to style/compat.css');
});

test('every JS built-in the build names that Chromium 80 lacks is listed with its fallback', async (t) => {
  const c156 = await launchCdp(CHROMIUM_PATH);
  let now;
  try {
    const page = await c156.newPage();
    await page.goto(`${server.url}sw.js`);
    now = await page.eval(BUILTIN_NAMES);
  } finally {
    await c156.close();
  }
  const old = await c80page.eval(BUILTIN_NAMES);
  const diff = (a, b) => {
    const had = new Set(b);
    return new Set(a.filter((n) => !had.has(n)));
  };
  const newGlobals = diff(now.globals, old.globals);
  const newStatics = diff(now.statics, old.statics);
  const oldMembers = new Set([...old.members, ...old.statics.map((s) => s.split('.').pop())]);
  const newMembers = new Set(now.members.filter((n) => !oldMembers.has(n)));
  assert.ok(newGlobals.has('structuredClone') && newStatics.has('Object.hasOwn') && newStatics.has('AbortSignal.timeout'), 'the two browsers were read');
  assert.ok(newMembers.has('at') && newMembers.has('replaceChildren') && !newMembers.has('push'), 'the two browsers were read');
  const listed = new Set(JS_DOC.map((r) => r.name));
  const found = new Map();
  const note = (name, file) => found.set(name, [...new Set([...(found.get(name) || []), file])]);
  for (const { file, code } of scripts) {
    const ids = jsIdentifiers(code);
    for (const n of newGlobals) if (ids.all.has(n)) note(n, file);
    for (const n of newMembers) if (ids.members.has(n)) note(n, file);
    for (const q of newStatics) {
      const [owner, name] = q.split('.');
      if (new RegExp(`\\b${owner}\\s*\\.\\s*${name.replace(/\$/g, '\\$')}\\b`).test(code)) note(q, file);
    }
  }
  t.diagnostic(`built-ins newer than Chromium 80 that the build names: ${[...found.keys()].sort().join(' ') || 'none'}`);
  const missing = [...found].filter(([n]) => !listed.has(n)).map(([n, files]) => `${n} (${files.join(', ')})`);
  assert.deepEqual(missing, [], 'newer than Chromium 80: avoid it, or check for it with a fallback and list it in docs/browser-support.md');
  for (const row of JS_DOC) assert.match(row.note, /\S{4}/, `${row.name}: how the build does without it`);
});

test('every JS file of the build parses in Chromium 80', async () => {
  const failures = [];
  for (const { file, code } of scripts) {
    // A module's import/export lines out, then compiled as a function body (not run): what remains
    // is checked for syntax (`?.` is 80, `??=` 85, top-level await 89 fails here, ...).
    const body = /^\s*(import|export)\b/m.test(code)
      ? code
          .replace(/^\s*import\s[^;(]*;/gm, '')
          .replace(/^\s*export\s*\{[^}]*\}\s*;?/gm, '')
          .replace(/^(\s*)export\s+default\s+/gm, '$1void ')
          .replace(/^(\s*)export\s+/gm, '$1')
          .replace(/\bimport\.meta\b/g, '({ url: "" })')
      : code;
    // The page is sw.js shown as text: no CSP there, so Function() may compile.
    const error = await c80page.eval(`(() => { try { new Function(${JSON.stringify(body)}); return null; } catch (e) { return String(e); } })()`);
    if (error) failures.push(`${file}: ${error}`);
  }
  assert.deepEqual(failures, [], 'syntax newer than Chromium 80');
});
