// Compiles the app's wasm off the page for Chromium < 97 (see pwa/boot.js): there the page's CSP
// ('wasm-unsafe-eval', which that Chromium does not know) forbids compiling on the page, while a
// worker may. The compiled WebAssembly.Module goes back to the page, which instantiates it.
// Written into the build as xxgk-compile-<hash>.js by scripts/post-build.mjs. Plain ES2017.
onmessage = function (ev) {
  fetch(ev.data, { credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status + ' for ' + ev.data);
      return response.arrayBuffer();
    })
    .then(function (bytes) {
      return WebAssembly.compile(bytes);
    })
    .then(
      function (module) {
        postMessage({ module: module });
      },
      function (error) {
        postMessage({ error: String(error) });
      },
    );
};
