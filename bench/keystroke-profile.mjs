// Where a keystroke's time goes (not a test): Chromium's trace and CPU profile of N keystrokes
// in a filled report, CPU throttled 4×, and every DOM write they make.
//
//   node bench/keystroke-profile.mjs [--edits 20] [--dist dist] [--top 25]
//   node bench/keystroke-profile.mjs --start-up [--dist dist]   # back to a stored draft: navigation → a typed digit checked, 4×
//
// The report of core/fixtures 01_ is typed in (automatic totals off, as bench/editor-latency.mjs
// does), then digits alternating 2 and 1 go into one 表三 cell, each breaking or repairing two sums.
// Prints, per keystroke:
// - the main thread's time by kind, as DevTools' summary groups trace events (self time):
//   scripting (event handlers, wasm, microtasks, GC), style, layout, paint/composite, other;
// - the DOM writes (MutationObserver records), grouped by where they land: the typed cell, other
//   cells, the checks panel, the badge, the preview, elsewhere;
// - the functions with the most self time in the CPU profile. The release wasm has no names;
//   for names, point --dist at a build whose wasm kept its name section (bench/README.md says how).
import { startServer, launchBrowser } from '../tests/e2e/lib/harness.mjs';
import { openFilledReport } from './filled-report.mjs';
import { FIRST_DIGIT, FIRST_DIGIT_TARGET, storeFilledDraft } from './first-digit.mjs';
import path from 'node:path';
import os from 'node:os';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const EDITS = Number(opt('edits', 20));
const TOP = Number(opt('top', 25));
const DIST = opt('dist', undefined);
const THROTTLE = 4;
const CELL = 'table3.granted.other_org';

// DevTools' grouping of main-thread trace events (self time).
const KIND = {
  scripting: [
    'EventDispatch', 'FunctionCall', 'EvaluateScript', 'v8.callFunction', 'v8.compile', 'v8.run',
    'RunMicrotasks', 'TimerFire', 'FireAnimationFrame', 'FireIdleCallback', 'MinorGC', 'MajorGC',
    'V8.GCScavenger', 'V8.GCIncrementalMarking', 'V8.GCFinalizeMC', 'V8.GC_MC_BACKGROUND_MARKING',
    'v8.wasm.compiledModule', 'XHRReadyStateChange', 'ParseHTML', 'HitTest',
  ],
  style: ['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet'],
  layout: ['Layout', 'UpdateLayer', 'UpdateLayerTree', 'IntersectionObserverController::computeIntersections'],
  paint: ['Paint', 'PrePaint', 'PaintImage', 'CompositeLayers', 'Layerize', 'Commit', 'RasterTask', 'Decode Image'],
};
const kindOf = (name) => Object.keys(KIND).find((k) => KIND[k].includes(name)) ?? 'other';

/** Self time per event name on one thread, from complete (X) and begin/end (B/E) events,
 * counting only what falls inside `windows` ([start, end] µs). */
function selfTimes(events, windows) {
  const spans = [];
  const open = [];
  for (const e of events) {
    if (e.ph === 'X' && e.dur !== undefined) spans.push({ name: e.name, ts: e.ts, end: e.ts + e.dur });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) spans.push({ name: b.name, ts: b.ts, end: e.ts });
    }
  }
  spans.sort((a, b) => a.ts - b.ts || b.end - a.end);
  const self = new Map();
  const stack = [];
  const add = (name, us) => self.set(name, (self.get(name) ?? 0) + us);
  const inside = (a, b) => windows.reduce((sum, [w0, w1]) => sum + Math.max(0, Math.min(b, w1) - Math.max(a, w0)), 0);
  for (const s of spans) {
    while (stack.length && stack[stack.length - 1].end <= s.ts) stack.pop();
    const parent = stack[stack.length - 1];
    const us = inside(s.ts, s.end);
    add(s.name, us);
    if (parent) add(parent.name, -us);
    stack.push(s);
  }
  return self;
}

/** Self time per function in a CDP CPU profile (µs), samples inside `windows` only. */
function profileSelf(profile, windows) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (!windows.some(([w0, w1]) => t >= w0 && t <= w1)) continue;
    const node = byId.get(profile.samples[i]);
    const f = node.callFrame;
    const name = f.functionName || `(anonymous ${f.url.split('/').pop()}:${f.lineNumber})`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i + 1] ?? 0));
  }
  return self;
}

// In the page: classify each DOM mutation by where it lands.
const WRITES_PROBE = (cell) => {
  window.__writes = {};
  const where = (node) => {
    const el = node.nodeType === 1 ? node : node.parentElement;
    if (!el) return 'elsewhere';
    const td = el.closest('td.cell');
    if (td) return td.querySelector(`input[data-field="${cell}"]`) ? 'typed cell' : 'other cells';
    if (el.closest('.checks-panel')) return 'checks panel';
    if (el.closest('.badge')) return 'badge';
    if (el.closest('.preview')) return 'preview';
    return `elsewhere (${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''})`;
  };
  new MutationObserver((records) => {
    for (const r of records) {
      const key = `${where(r.target)}: ${r.type}${r.attributeName ? ` ${r.attributeName}` : ''}`;
      window.__writes[key] = (window.__writes[key] ?? 0) + 1;
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  window.__frames = 0;
  document.addEventListener(
    'input',
    () => {
      performance.mark('keystroke-start');
      const before = document.querySelector('.badge').dataset.errors;
      const frame = () =>
        requestAnimationFrame(() => {
          if (document.querySelector('.badge').dataset.errors === before) return frame();
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            performance.mark('keystroke-end');
            window.__frames++;
          };
          channel.port2.postMessage(0);
        });
      frame();
    },
    true,
  );
};

const TRACE_CATEGORIES = 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink.user_timing,v8';

/** Starts Chromium's trace and the CPU profiler on `cdp`; returns stop(), giving { chunks, profile }. */
async function record(cdp) {
  const chunks = [];
  cdp.on('Tracing.dataCollected', (e) => chunks.push(...e.value));
  const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.send('Tracing.end');
    await traced;
    return { chunks, profile };
  };
}

/** Prints the main thread's time by kind, the top trace events and the CPU profile, inside `windows`, per `n`. */
function analyse({ chunks, profile }, windows, n, unit) {
  const names = chunks.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const main = chunks.filter((e) => names.some((m) => m.pid === e.pid && m.tid === e.tid));
  const byPid = new Map();
  for (const e of main) byPid.set(e.pid, (byPid.get(e.pid) ?? 0) + 1);
  const pid = [...byPid.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const thread = main.filter((e) => e.pid === pid);
  const windowTotal = windows.reduce((sum, [a, b]) => sum + b - a, 0);
  const self = selfTimes(thread, windows);
  const kinds = {};
  for (const [name, us] of self) kinds[kindOf(name)] = (kinds[kindOf(name)] ?? 0) + us;
  const per = (us) => `${(us / 1000 / n).toFixed(2)} ms`;
  const busy = Object.values(kinds).reduce((a, b) => a + b, 0);
  console.log(`per ${unit}: ${per(windowTotal)}, of which the main thread is busy ${per(busy)}`);
  console.log('\nmain thread by kind (self time inside those windows):');
  for (const k of ['scripting', 'style', 'layout', 'paint', 'other']) console.log(`  ${k.padEnd(10)} ${per(kinds[k] ?? 0)}`);
  console.log('\ntrace events with the most self time:');
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
    console.log(`  ${per(us).padStart(9)}  ${name} (${kindOf(name)})`);
  }
  const fns = profileSelf(profile, windows);
  const total = [...fns.values()].reduce((a, b) => a + b, 0);
  // By crate (Rust names keep theirs, `crate[hash]::...` or v0-mangled), wasm-bindgen glue, the browser's DOM API.
  const group = (name) => {
    if (name.startsWith('(')) return name;
    const m = /^<?&?(?:mut )?([a-z_][a-z0-9_]*)\[[0-9a-f]+\]/.exec(name);
    if (m) return `rust: ${m[1]}`;
    // v0-mangled (a build with XXGK_WASM_NAMES=1): the first crate root, `Cs<hash>_<len><name>`.
    const v0 = /^_R.*?C(?:s[0-9A-Za-z]*_)?(\d+)([a-z_][a-z0-9_]*)/.exec(name);
    if (v0) return `rust: ${v0[2].slice(0, Number(v0[1]))}`;
    if (/^(__wbg|__wbindgen|wasm-to-js|getStringFromWasm0|passStringToWasm0|takeObject|addHeapObject|decode|encode)/.test(name)) return 'wasm-bindgen glue';
    if (/^wasm-function\[/.test(name)) return 'wasm (unnamed)';
    return 'JS: browser API and page scripts';
  };
  const groups = new Map();
  for (const [name, us] of fns) groups.set(group(name), (groups.get(group(name)) ?? 0) + us);
  console.log(`\nCPU profile by crate / kind (${per(total)} sampled per ${unit}; (program) is mostly the throttling itself):`);
  for (const [name, us] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${per(us).padStart(9)}  ${name}`);
  console.log(`\nCPU profile, self time, top ${TOP}:`);
  for (const [name, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`  ${per(us).padStart(9)}  ${name.slice(0, 110)}`);
  }
}

/** Trace marks named `name`, in time order (µs). */
const marks = (chunks, name) => chunks.filter((e) => e.name === name).map((e) => e.ts).sort((a, b) => a - b);

async function startUp(server, browser) {
  await storeFilledDraft(browser, server.url);
  const page = await browser.newPage();
  await page.addInitScript(FIRST_DIGIT, FIRST_DIGIT_TARGET);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  const stop = await record(cdp);
  await page.goto(server.url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.__firstLoad?.shown, null, { timeout: 60_000, polling: 100 });
  const trace = await stop();
  const [usable] = marks(trace.chunks, 'grid-usable');
  const [checked] = marks(trace.chunks, 'digit-checked');
  // The app's navigation: the last one before the grid was there (about:blank comes first).
  const nav = marks(trace.chunks, 'navigationStart').filter((t) => t < usable).at(-1);
  const ms = (us) => `${(us / 1000).toFixed(0)} ms`;
  console.log(`start-up, CPU throttled ${THROTTLE}×: navigation → grid usable ${ms(usable - nav)}, → typed digit checked ${ms(checked - nav)}`);
  analyse(trace, [[nav, checked]], 1, 'start-up (navigation → digit checked)');
}

async function keystroke(browser) {
  const page = await browser.newPage();
  await openFilledReport(page, server.url);
  const warnings = await page.locator('[data-check][data-status="fail"]').evaluateAll((els) => els.map((e) => e.dataset.check));
  if (warnings.length) console.log(`(the filled report has warnings: ${warnings.join(', ')})`);
  await page.locator(`input[data-field="${CELL}"]`).click();
  await page.waitForTimeout(500); // the text checks of the last typing settle first
  await page.evaluate(WRITES_PROBE, CELL);

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  const stop = await record(cdp);
  const t0 = Date.now();
  for (let i = 0; i < EDITS; i++) {
    await page.keyboard.press('Control+a');
    await page.keyboard.type(i % 2 === 0 ? '2' : '1');
    // Polled by timer, not every frame, so that the polling adds nothing to the frames measured.
    await page.waitForFunction((n) => window.__frames >= n, i + 1, { timeout: 20_000, polling: 100 });
  }
  const wall = Date.now() - t0;
  const trace = await stop();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  const writes = await page.evaluate(() => window.__writes);

  // Each keystroke's window: from its input event to the end of the frame that shows its result.
  const starts = marks(trace.chunks, 'keystroke-start');
  const ends = marks(trace.chunks, 'keystroke-end');
  if (starts.length !== EDITS || ends.length !== EDITS) throw new Error(`trace marks: ${starts.length} starts, ${ends.length} ends`);
  console.log(`${EDITS} keystrokes into ${CELL}, CPU throttled ${THROTTLE}×, ${wall} ms wall`);
  analyse(trace, starts.map((s, i) => [s, ends[i]]), EDITS, 'keystroke (input event → end of the frame showing its result)');
  console.log('\nDOM writes (MutationObserver records, per keystroke, including a save 300 ms later):');
  for (const [key, n] of Object.entries(writes).sort((a, b) => b[1] - a[1])) {
    console.log(`  ${(n / EDITS).toFixed(1).padStart(6)}  ${key}`);
  }
}

const server = await startServer(DIST ? { root: path.resolve(DIST) } : {});
const START_UP = args.includes('--start-up');
// No service worker: every file of the start-up comes over the wire, as on a first visit.
const browser = await launchBrowser(START_UP ? { serviceWorkers: 'block' } : {});
try {
  if (START_UP) await startUp(server, browser);
  else await keystroke(browser);
  console.log(`\nload average: ${os.loadavg().map((l) => l.toFixed(2)).join(', ')} (${os.cpus().length} CPUs)`);
} finally {
  await browser.close();
  await server.stop();
}
