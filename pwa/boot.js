// Start-up of the app (written into each build as xxgk-boot-<hash>.js by scripts/post-build.mjs,
// in place of Trunk's inline loader). Plain ES2017 and no top-level await, so that an old
// browser gets this far and can say why it cannot go on (docs/browser-support.md):
//   1. no usable WebAssembly (the Chromium 80 feature set) -> the message in index.html is shown;
//   2. Chromium before 97 forbids compiling wasm under a CSP without 'unsafe-eval' (it does not
//      know 'wasm-unsafe-eval'): the module is then compiled in a worker, where that older Chromium
//      does not apply the page's CSP, and instantiated here (the CSP itself stays as it is);
//   3. no `gap` in flex layout (Chromium < 84) -> class no-flex-gap on <html> (margins instead);
//   4. the app started -> the message is removed and TrunkApplicationStarted fired, as Trunk does.
const GLUE = '__XXGK_GLUE__';
const WASM = '__XXGK_WASM__';
const COMPILE_WORKER = '__XXGK_COMPILE_WORKER__';
// A 71-byte module that uses what the app's wasm may use: memory.copy (bulk memory), i32.extend8_s
// (sign extension), i32.trunc_sat_f32_s (non-trapping float-to-int), an exported mutable global.
const PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 1, 127, 1, 127, 3, 2, 1, 0, 5, 3, 1, 0, 1, 6, 6, 1, 127, 1, 65, 0, 11, 7, 9, 2,
  1, 103, 3, 0, 1, 102, 0, 0, 10, 25, 1, 23, 0, 65, 0, 65, 8, 65, 4, 252, 10, 0, 0, 32, 0, 192, 26, 67, 0, 0, 192, 63,
  252, 0, 11,
]);

const box = document.getElementById('xxgk-unsupported');
const root = document.documentElement;

function unsupported(reason) {
  if (box) {
    box.className = 'xxgk-unsupported xxgk-show';
    const detail = box.querySelector('.xxgk-unsupported-detail');
    if (detail) detail.textContent = '技术信息：' + reason;
  }
  console.error('本浏览器无法运行本应用：', reason);
}

function wasmUsable() {
  try {
    return typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function' && WebAssembly.validate(PROBE);
  } catch (e) {
    return false;
  }
}

// Whether this page may compile wasm itself (false in Chromium < 97 under this app's CSP).
function compilesHere() {
  try {
    new WebAssembly.Module(PROBE);
    return true;
  } catch (e) {
    return false;
  }
}

// Compiles the wasm at `url` in the compile worker; resolves to the WebAssembly.Module.
function compileInWorker(url) {
  return new Promise(function (resolve, reject) {
    const worker = new Worker(COMPILE_WORKER);
    worker.onmessage = function (ev) {
      worker.terminate();
      if (ev.data && ev.data.module) resolve(ev.data.module);
      else reject(new Error(ev.data && ev.data.error ? ev.data.error : 'the compile worker gave no module'));
    };
    worker.onerror = function (ev) {
      worker.terminate();
      reject(new Error('compile worker: ' + (ev.message || 'failed')));
    };
    worker.postMessage(new URL(url, location.href).href);
  });
}

function flexGap() {
  const probe = document.createElement('div');
  probe.style.display = 'flex';
  probe.style.flexDirection = 'column';
  probe.style.rowGap = '1px';
  probe.style.position = 'absolute';
  probe.appendChild(document.createElement('div'));
  probe.appendChild(document.createElement('div'));
  document.body.appendChild(probe);
  const ok = probe.scrollHeight === 1;
  document.body.removeChild(probe);
  return ok;
}

if (!wasmUsable()) {
  unsupported('没有可用的 WebAssembly（需要 Chromium 80 及以上的内核）');
} else {
  if (box) box.className = 'xxgk-unsupported xxgk-starting';
  if (!flexGap()) root.className += ' no-flex-gap';
  const here = compilesHere();
  // The split wasm's chunks, loaded later on demand, compile the same way (pwa/split-fetch.js).
  if (!here) self.xxgkCompileWasm = compileInWorker;
  const source = here ? Promise.resolve(WASM) : compileInWorker(WASM);
  source
    .then(function (moduleOrPath) {
      return import(GLUE).then(function (bindings) {
        return bindings.default({ module_or_path: moduleOrPath }).then(function (wasm) {
          window.wasmBindings = bindings;
          if (box && box.parentNode) box.parentNode.removeChild(box);
          dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm: wasm } }));
        });
      });
    })
    .catch(unsupported);
}
